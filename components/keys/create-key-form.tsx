'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { NewKey } from '@/lib/keys/schemas'
import { KeySecretBox } from './key-secret-box'

type Subscription = { id: string; api: { name: string }; plan: { name: string } }

/** Name, optional expiry and optional restriction to some ACTIVE subscriptions; the new key is shown once. */
export function CreateKeyForm({
  teamSlug,
  subscriptions,
  action,
}: {
  teamSlug: string
  subscriptions: Subscription[]
  action: FormAction<NewKey>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  // Read once, when the form mounts: the date picker's lower bound (the server checks the real rule).
  const [tomorrow] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <input type="hidden" name="team" value={teamSlug} />
        <Field
          label="Name"
          name="name"
          errors={fieldErrorsFor(state, 'name')}
          hint="Where the key is used, e.g. “billing-service prod”."
        >
          <Input name="name" required minLength={2} maxLength={60} invalid={!!fieldErrorsFor(state, 'name')} />
        </Field>
        <Field
          label="Expires on (optional)"
          name="expiresAt"
          errors={fieldErrorsFor(state, 'expiresAt')}
          hint="At 00:00 UTC that day. Leave empty for no expiry."
        >
          <Input name="expiresAt" type="date" min={tomorrow} invalid={!!fieldErrorsFor(state, 'expiresAt')} />
        </Field>
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Restrict to subscriptions (optional)</legend>
          {subscriptions.length === 0 ? (
            <p className="text-xs text-slate-500">
              Your team has no active subscription yet; the key will work for any it gets later.
            </p>
          ) : (
            <>
              <p className="text-xs text-slate-500">
                Tick none to let the key use every active subscription of the team.
              </p>
              <div className="grid gap-1 sm:grid-cols-2">
                {subscriptions.map((s) => (
                  <label key={s.id} className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" name="subscriptionIds" value={s.id} className="rounded border-slate-300" />
                    {s.api.name} <span className="text-xs text-slate-500">({s.plan.name})</span>
                  </label>
                ))}
              </div>
            </>
          )}
          {fieldErrorsFor(state, 'subscriptionIds')?.map((m) => (
            <p key={m} className="text-xs text-red-600" data-field-error="subscriptionIds">
              {m}
            </p>
          ))}
        </fieldset>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create key'}
          </Button>
        </div>
      </form>
      <FormMessage result={state} />
      {state?.ok ? <KeySecretBox key={state.data.value} value={state.data.value} name={state.data.name} /> : null}
    </div>
  )
}
