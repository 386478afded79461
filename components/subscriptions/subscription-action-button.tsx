'use client'

import { ConfirmButton } from '@/components/ui/confirm-button'
import type { ActionState } from '@/lib/auth/action-result'

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>

/**
 * A subscription decision behind a confirmation dialog. With `reasonLabel` the dialog asks for a
 * reason (rejecting and suspending need one: the consumer sees it); `fields` become the posted form.
 */
export function SubscriptionActionButton({ label, title, description, confirmLabel, reasonLabel, variant = 'danger', fields, action }: {
  label: string
  title: string
  description?: React.ReactNode
  confirmLabel?: string
  reasonLabel?: string
  variant?: 'danger' | 'secondary' | 'primary'
  fields: Record<string, string>
  action: Action
}) {
  return (
    <ConfirmButton
      label={label}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      reasonLabel={reasonLabel}
      reasonRequired={!!reasonLabel}
      variant={variant}
      onConfirm={async (reason) => {
        const formData = new FormData()
        for (const [name, value] of Object.entries(fields)) formData.set(name, value)
        if (reasonLabel) formData.set('reason', reason)
        const result = await action(null, formData)
        if (result && !result.ok) {
          const fieldError = result.fieldErrors?.reason?.[0]
          return { ok: false, error: fieldError ?? result.error }
        }
        return { ok: true }
      }}
    />
  )
}
