'use client'

import { ConfirmButton } from '@/components/ui/confirm-button'
import type { FormAction } from '@/lib/auth/action-result'

/** Revocation is immediate and final, so it always goes through a confirmation dialog. */
export function RevokeKeyButton({
  teamSlug,
  keyId,
  keyName,
  action,
}: {
  teamSlug: string
  keyId: string
  keyName: string
  action: FormAction
}) {
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke “${keyName}”?`}
      confirmLabel="Revoke key"
      description="Calls with this key are refused (401) within a second. This cannot be undone."
      onConfirm={async () => {
        const formData = new FormData()
        formData.set('team', teamSlug)
        formData.set('keyId', keyId)
        return (await action(null, formData)) ?? { ok: false, error: 'That did not work' }
      }}
    />
  )
}
