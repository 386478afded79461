'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { ReadOnlyFields } from '@/components/ui/read-only-fields'
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
  if (!canManage)
    return (
      <ReadOnlyFields
        className="max-w-lg"
        fields={[
          { label: 'Team name', value: team.name },
          { label: 'Slug', value: <code className="font-mono">{team.slug}</code> },
          { label: 'Contact email', value: team.contactEmail },
        ]}
        note="Only owners and admins can change the team's details."
      />
    )
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
        <Input name="name" defaultValue={team.name} required invalid={!!fieldErrorsFor(state, 'name')} />
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
          invalid={!!fieldErrorsFor(state, 'contactEmail')}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save changes'}
      </Button>
    </form>
  )
}
