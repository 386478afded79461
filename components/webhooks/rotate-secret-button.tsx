'use client'

import { useState } from 'react'
import type { FormAction } from '@/lib/auth/action-result'
import { ConfirmButton } from '@/components/ui/confirm-button'
import { WebhookSecretBox } from './webhook-secret-box'

/** Generates a new signing secret (the old one stops at once) and shows it once. */
export function RotateSecretButton({
  teamSlug,
  hasSecret,
  action,
}: {
  teamSlug: string
  hasSecret: boolean
  action: FormAction<{ secret: string }>
}) {
  const [secret, setSecret] = useState<string | null>(null)
  return (
    <div className="space-y-3">
      <ConfirmButton
        label={hasSecret ? 'Rotate signing secret' : 'Generate signing secret'}
        variant={hasSecret ? 'danger' : 'secondary'}
        title={hasSecret ? 'Rotate the signing secret?' : 'Generate a signing secret?'}
        confirmLabel={hasSecret ? 'Rotate secret' : 'Generate'}
        description={
          hasSecret
            ? 'The current secret stops working at once: every delivery from now on, retries included, is signed with the new one. Update your receiver right after.'
            : 'Every delivery is signed with it. It is shown once.'
        }
        onConfirm={async () => {
          const formData = new FormData()
          formData.set('team', teamSlug)
          const result = await action(null, formData)
          if (result?.ok) setSecret(result.data.secret)
          return result ?? { ok: false, error: 'That did not work' }
        }}
      />
      {secret ? <WebhookSecretBox key={secret} secret={secret} /> : null}
    </div>
  )
}
