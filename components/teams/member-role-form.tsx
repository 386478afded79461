'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/form-field'
import type { FormAction } from '@/lib/auth/action-result'
import { ROLE_LABELS, type RoleName } from '@/lib/teams/roles'

/** Inline role picker for one member row; errors such as "last owner" appear right under it. */
export function MemberRoleForm({
  teamSlug,
  membershipId,
  email,
  role,
  canManage,
  canTouchOwner,
  action,
}: {
  teamSlug: string
  membershipId: string
  email: string
  role: RoleName
  canManage: boolean
  canTouchOwner: boolean
  action: FormAction<{ role: string }>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  // An admin cannot change an owner's role, nor grant the owner role (the server refuses too).
  const locked = !canManage || (role === 'OWNER' && !canTouchOwner)
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex items-center gap-2">
        <div className="w-32">
          <Select
            id={`role-${membershipId}`}
            name="role"
            defaultValue={role}
            disabled={locked}
            aria-label={`Role of ${email}`}
          >
            {(Object.keys(ROLE_LABELS) as RoleName[]).map((option) => (
              <option key={option} value={option} disabled={option === 'OWNER' && !canTouchOwner}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </Select>
        </div>
        {locked ? null : (
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        )}
      </div>
      {state?.ok === false ? (
        <p role="alert" data-form-error className="max-w-xs whitespace-normal text-xs text-red-600">
          {state.fieldErrors?.role?.[0] ?? state.error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-xs text-emerald-700">
          Role saved
        </p>
      ) : null}
    </form>
  )
}
