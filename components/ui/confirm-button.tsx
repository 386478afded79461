'use client'

import { useRef, useState } from 'react'
import { Button } from './button'

/**
 * Every destructive action goes through this: a native <dialog> asks for confirmation (and,
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
  const dialog = useRef<HTMLDialogElement>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  async function confirm() {
    if (reasonRequired && !reason.trim()) return setError('A reason is required')
    setPending(true)
    setError(null)
    const result = await onConfirm(reason.trim())
    setPending(false)
    if (result && !result.ok) return setError(result.error ?? 'That did not work')
    dialog.current?.close()
    setReason('')
  }

  return (
    <>
      <Button variant={variant} size={size} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
        aria-label={title}
      >
        <div className="space-y-3 p-5">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          {reasonLabel ? (
            <label className="block space-y-1 text-sm">
              <span className="font-medium text-slate-700">{reasonLabel}</span>
              <textarea
                name="reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
                className="block w-full rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500"
              />
            </label>
          ) : null}
          {error ? (
            <p role="alert" data-form-error className="text-sm text-red-600">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button variant={variant === 'secondary' ? 'primary' : variant} onClick={confirm} disabled={pending}>
              {pending ? 'Working…' : confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  )
}
