'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import type { NewInvite } from '@/lib/teams/schemas'
import { ROLE_HINTS, ROLE_LABELS, type RoleName } from '@/lib/teams/roles'

/** Creates an invite and shows its link once; the server keeps only the token's SHA-256. */
export function InviteForm({
  teamSlug,
  canTouchOwner,
  action,
}: {
  teamSlug: string
  canTouchOwner: boolean
  action: FormAction<NewInvite>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const [copied, setCopied] = useState(false)
  const link = state?.ok
    ? `${typeof window === 'undefined' ? '' : window.location.origin}/invite/${state.data.token}`
    : null
  const roles = (Object.keys(ROLE_LABELS) as RoleName[]).filter((role) => role !== 'OWNER' || canTouchOwner)

  async function copy() {
    if (!link) return
    await navigator.clipboard?.writeText(link)
    setCopied(true)
  }

  return (
    <div className="space-y-4">
      <form
        action={(formData) => {
          setCopied(false)
          formAction(formData)
        }}
        className="grid max-w-2xl gap-4 sm:grid-cols-[10rem_1fr_auto] sm:items-start"
      >
        <input type="hidden" name="team" value={teamSlug} />
        <Field label="Role" name="role" errors={fieldErrorsFor(state, 'role')}>
          <Select name="role" defaultValue="MEMBER">
            {roles.map((role) => (
              <option key={role} value={role} title={ROLE_HINTS[role]}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Email (optional)"
          name="email"
          errors={fieldErrorsFor(state, 'email')}
          hint="When set, only this address can accept."
        >
          <Input
            name="email"
            type="email"
            placeholder="colleague@example.com"
            invalid={!!fieldErrorsFor(state, 'email')}
          />
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create invite link'}
          </Button>
        </div>
      </form>
      <FormMessage result={state} />
      {link && state?.ok ? (
        <div className="space-y-2 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" data-invite-link>
          <p className="text-sm font-medium text-emerald-900">
            Invite link for a{state.data.role === 'ADMIN' || state.data.role === 'OWNER' ? 'n' : ''}{' '}
            {state.data.role.toLowerCase()}
            {state.data.email ? ` (${state.data.email})` : ''}. Copy it now: it is shown only once and expires on{' '}
            {state.data.expiresAt.slice(0, 10)}.
          </p>
          <div className="flex gap-2">
            <Input
              name="invite-link"
              aria-label="Invite link"
              value={link}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              className="font-mono"
            />
            <Button variant="secondary" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
