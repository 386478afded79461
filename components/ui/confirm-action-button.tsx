'use client'

import type { ActionState } from '@/lib/auth/action-result'
import { ConfirmButton } from './confirm-button'

type ServerFormAction = (previous: ActionState<never>, formData: FormData) => Promise<ActionState<unknown>>

/**
 * A server action behind a confirmation dialog: `fields` become the posted form, and with
 * `reasonLabel` the dialog asks for a reason (posted as `reason`), which is then required.
 */
export function ConfirmActionButton({
  label,
  title,
  description,
  confirmLabel,
  reasonLabel,
  variant = 'danger',
  fields,
  action,
  disabled,
}: {
  label: string
  title: string
  description?: React.ReactNode
  confirmLabel?: string
  reasonLabel?: string
  variant?: 'danger' | 'secondary' | 'primary'
  fields: Record<string, string>
  action: ServerFormAction
  disabled?: boolean
}) {
  return (
    <ConfirmButton
      label={label}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      reasonLabel={reasonLabel}
      reasonRequired={Boolean(reasonLabel)}
      variant={variant}
      disabled={disabled}
      onConfirm={async (reason) => {
        const formData = new FormData()
        for (const [name, value] of Object.entries(fields)) formData.set(name, value)
        if (reasonLabel) formData.set('reason', reason)
        const result = await action(null, formData)
        if (!result) return { ok: false, error: 'That did not work' }
        if (!result.ok) return { ok: false, error: result.fieldErrors?.reason?.[0] ?? result.error }
        return { ok: true }
      }}
    />
  )
}
