'use client'

import { ConfirmButton } from '@/components/ui/confirm-button'
import type { FormAction } from './form-action'

/** A destructive server action behind a confirmation dialog; `fields` become the posted form. */
export function ConfirmActionButton({ label, title, description, confirmLabel, fields, action, disabled }: {
  label: string
  title: string
  description?: React.ReactNode
  confirmLabel?: string
  fields: Record<string, string>
  action: FormAction
  disabled?: boolean
}) {
  return (
    <ConfirmButton
      label={label}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      disabled={disabled}
      onConfirm={async () => {
        const formData = new FormData()
        for (const [name, value] of Object.entries(fields)) formData.set(name, value)
        const result = await action(null, formData)
        return result ?? { ok: false, error: 'That did not work' }
      }}
    />
  )
}
