'use client'

import { ConfirmButton } from '@/components/ui/confirm-button'
import type { FormAction } from '@/lib/auth/action-result'

/** Revocation is immediate and final, so it always goes through a confirmation dialog. */
export function RevokeManagementTokenButton({
  teamSlug,
  tokenId,
  tokenName,
  action,
}: {
  teamSlug: string
  tokenId: string
  tokenName: string
  action: FormAction
}) {
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke “${tokenName}”?`}
      confirmLabel="Revoke token"
      description="Management API calls with this token are refused (401) from now on. This cannot be undone."
      onConfirm={async () => {
        const formData = new FormData()
        formData.set('team', teamSlug)
        formData.set('tokenId', tokenId)
        return (await action(null, formData)) ?? { ok: false, error: 'That did not work' }
      }}
    />
  )
}
