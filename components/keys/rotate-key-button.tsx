'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { Select } from '@/components/ui/form-field'
import type { ActionState, FormAction } from '@/lib/auth/action-result'
import type { NewKey } from '@/lib/keys/schemas'
import { DEFAULT_GRACE_SECONDS, GRACE_OPTIONS } from '@/lib/keys/schemas'
import { KeySecretBox } from './key-secret-box'

/**
 * Asks for a grace period, rotates, then shows the replacement key once in the same dialog.
 * The table keeps this mounted (trigger hidden) after the key stops being rotatable: rotating
 * revalidates the page, and unmounting here would close the dialog before the key was copied.
 */
export function RotateKeyButton({
  teamSlug,
  keyId,
  keyName,
  rotatable,
  action,
}: {
  teamSlug: string
  keyId: string
  keyName: string
  rotatable: boolean
  action: FormAction<NewKey>
}) {
  const [open, setOpen] = useState(false)
  const [grace, setGrace] = useState(String(DEFAULT_GRACE_SECONDS))
  const [pending, setPending] = useState(false)
  const [result, setResult] = useState<ActionState<NewKey>>(null)

  async function rotate() {
    setPending(true)
    const formData = new FormData()
    formData.set('team', teamSlug)
    formData.set('keyId', keyId)
    formData.set('graceSeconds', grace)
    setResult(await action(null, formData))
    setPending(false)
  }

  function changeOpen(next: boolean) {
    setOpen(next)
    if (!next) setResult(null)
  }

  return (
    <>
      {rotatable ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          Rotate
        </Button>
      ) : null}
      <Dialog open={open} onOpenChange={changeOpen} title={`Rotate ${keyName}`} size="lg">
        <div className="space-y-3">
          {result?.ok ? (
            <KeySecretBox
              value={result.data.value}
              name={result.data.name}
              note={
                result.data.graceEndsAt
                  ? `The old key keeps working until ${result.data.graceEndsAt.replace('T', ' ').slice(0, 16)} UTC.`
                  : undefined
              }
            />
          ) : (
            <>
              <p className="text-sm text-slate-600">
                A new key with the same name, expiry and restrictions replaces this one. The old key keeps working for
                the grace period, so you can deploy the new one first.
              </p>
              <label className="block space-y-1 text-sm">
                <span className="font-medium text-slate-700">Grace period for the old key</span>
                <Select name="graceSeconds" value={grace} onChange={(e) => setGrace(e.target.value)}>
                  {GRACE_OPTIONS.map((o) => (
                    <option key={o.seconds} value={o.seconds}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </label>
              {result && !result.ok ? (
                <p role="alert" data-form-error className="text-sm text-red-600">
                  {result.fieldErrors?.graceSeconds?.[0] ?? result.error}
                </p>
              ) : null}
            </>
          )}
          <DialogActions>
            <Button variant="secondary" onClick={() => changeOpen(false)}>
              {result?.ok ? 'Done' : 'Cancel'}
            </Button>
            {result?.ok ? null : (
              <Button onClick={rotate} disabled={pending}>
                {pending ? 'Rotating…' : 'Rotate key'}
              </Button>
            )}
          </DialogActions>
        </div>
      </Dialog>
    </>
  )
}
