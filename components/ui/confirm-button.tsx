'use client'

import { useState } from 'react'
import { Button } from './button'
import { Dialog, DialogActions } from './dialog'
import { controlClass } from './form-field'

/**
 * Every destructive action goes through this: a dialog (components/ui/dialog.tsx) asks for confirmation (and,
 * when `reasonLabel` is set, a reason) before `onConfirm` runs.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel = 'Confirm',
  reasonLabel,
  reasonRequired,
  variant = 'danger',
  size = 'sm',
  onConfirm,
  disabled,
}: {
  label: string
  title: string
  description?: React.ReactNode
  confirmLabel?: string
  reasonLabel?: string
  reasonRequired?: boolean
  variant?: 'danger' | 'secondary' | 'primary'
  size?: 'sm' | 'md'
  disabled?: boolean
  onConfirm: (reason: string) => Promise<{ ok: boolean; error?: string } | void>
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  // Closing (Cancel, Esc, the overlay) forgets the half-typed reason and the last error.
  function changeOpen(next: boolean) {
    setOpen(next)
    if (!next) {
      setReason('')
      setError(null)
    }
  }

  async function confirm() {
    if (reasonRequired && !reason.trim()) return setError('A reason is required')
    setPending(true)
    setError(null)
    const result = await onConfirm(reason.trim())
    setPending(false)
    if (result && !result.ok) return setError(result.error ?? 'That did not work')
    changeOpen(false)
  }

  return (
    <>
      <Button variant={variant} size={size} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={changeOpen} title={title} description={description}>
        {reasonLabel ? (
          <label className="block space-y-1 text-sm">
            <span className="font-medium text-slate-700">{reasonLabel}</span>
            <textarea
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              className={controlClass(Boolean(error))}
            />
          </label>
        ) : null}
        {error ? (
          <p role="alert" data-form-error className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => changeOpen(false)}>
            Cancel
          </Button>
          <Button variant={variant === 'secondary' ? 'primary' : variant} onClick={confirm} disabled={pending}>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  )
}
