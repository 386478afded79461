'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'

export function TeamDetailsForm({
  team,
  canManage,
  action,
}: {
  team: { slug: string; name: string; contactEmail: string | null }
  canManage: boolean
  action: FormAction<{ name: string; contactEmail: string | null }>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="max-w-lg space-y-4">
      <input type="hidden" name="team" value={team.slug} />
      <FormMessage result={state} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      <Field label="Team name" name="name" errors={fieldErrorsFor(state, 'name')}>
        <Input
          name="name"
          defaultValue={team.name}
          required
          disabled={!canManage}
          invalid={!!fieldErrorsFor(state, 'name')}
        />
      </Field>
      <Field label="Slug" name="slug" hint="Part of every console and gateway URL, so it cannot change.">
        <Input name="slug" value={team.slug} readOnly disabled />
      </Field>
      <Field
        label="Contact email"
        name="contactEmail"
        errors={fieldErrorsFor(state, 'contactEmail')}
        hint="Where consumers and billing alerts reach this team. Optional."
      >
        <Input
          name="contactEmail"
          type="email"
          defaultValue={team.contactEmail ?? ''}
          disabled={!canManage}
          invalid={!!fieldErrorsFor(state, 'contactEmail')}
        />
      </Field>
      {canManage ? (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      ) : null}
    </form>
  )
}
