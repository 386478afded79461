'use client'

import { useActionState, useState } from 'react'
import { KeySecretBox } from '@/components/keys/key-secret-box'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { NewManagementToken } from '@/lib/management-tokens/schemas'

/** Name, read or write, the billing and AI grants and an optional expiry; the token is shown once. */
export function CreateManagementTokenForm({
  teamSlug,
  action,
}: {
  teamSlug: string
  action: FormAction<NewManagementToken>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  // Read once, when the form mounts: the date picker's lower bound (the server checks the real rule).
  const [tomorrow] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <input type="hidden" name="team" value={teamSlug} />
        {/* Ids of their own: the team details form on the same page has a "name" field too. */}
        <Field
          label="Name"
          name="token-name"
          errors={fieldErrorsFor(state, 'name')}
          hint="Which script or pipeline uses it."
        >
          <Input
            id="token-name"
            name="name"
            required
            minLength={2}
            maxLength={60}
            invalid={!!fieldErrorsFor(state, 'name')}
          />
        </Field>
        <Field
          label="Access"
          name="token-access"
          errors={fieldErrorsFor(state, 'access')}
          hint="Never more than your own role allows."
        >
          <Select id="token-access" name="access" defaultValue="read">
            <option value="read">Read</option>
            <option value="write">Write</option>
          </Select>
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">Extra grants</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="grantBilling" className="rounded border-slate-300" /> Billing
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="grantAi" className="rounded border-slate-300" /> AI settings
          </label>
        </fieldset>
        <Field
          label="Expires on (optional)"
          name="token-expires-at"
          errors={fieldErrorsFor(state, 'expiresAt')}
          hint="At 00:00 UTC that day. Leave empty for no expiry."
        >
          <Input
            id="token-expires-at"
            name="expiresAt"
            type="date"
            min={tomorrow}
            invalid={!!fieldErrorsFor(state, 'expiresAt')}
          />
        </Field>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create token'}
          </Button>
        </div>
      </form>
      <FormMessage result={state} />
      {state?.ok ? (
        <KeySecretBox
          key={state.data.value}
          value={state.data.value}
          name={state.data.name}
          label="New management token"
          usage={
            <>
              Send it to <code className="font-mono">/api/v1</code> as{' '}
              <code className="font-mono">Authorization: Bearer {state.data.value.slice(0, 10)}…</code>
            </>
          }
        />
      ) : null}
    </div>
  )
}
