'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { Field, FormMessage, Input, Select, Textarea } from '@/components/ui/form-field'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import type { DeprecatedVersion } from '@/lib/lifecycle/deprecate-version'
import { useSubmit } from './use-submit'

/** Deprecation needs a sunset date (at least the notice period ahead) and may name a successor. */
export function DeprecateDialog({
  teamSlug,
  versionId,
  label,
  earliestSunset,
  successors,
  action,
  notice,
}: {
  teamSlug: string
  versionId: string
  label: string
  /** YYYY-MM-DD, the first date the server will accept. */
  earliestSunset: string
  successors: Array<{ id: string; version: string }>
  action: FormAction<DeprecatedVersion>
  /** Who still calls the version, and a way to tell them, shown before the owner confirms. */
  notice?: React.ReactNode
}) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [state, formAction, pending] = useActionState(
    async (previous: ActionState<DeprecatedVersion>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok) {
        setOpen(false)
        router.refresh()
      }
      return result
    },
    null,
  )
  const submit = useSubmit(formAction)
  const prefix = `deprecate-${versionId}`

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Deprecate…
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Deprecate ${label}`}
        description="Calls keep working until the sunset date; responses carry Deprecation and Sunset headers."
      >
        <form onSubmit={submit} className="space-y-4">
          <input type="hidden" name="team" value={teamSlug} />
          <input type="hidden" name="versionId" value={versionId} />
          <FormMessage result={state} />
          {notice}
          <Field
            label="Sunset date"
            name={`${prefix}-sunsetAt`}
            errors={fieldErrorsFor(state, 'sunsetAt')}
            hint={`${earliestSunset} or later`}
          >
            <Input
              id={`${prefix}-sunsetAt`}
              name="sunsetAt"
              type="date"
              required
              min={earliestSunset}
              defaultValue={earliestSunset}
              invalid={!!fieldErrorsFor(state, 'sunsetAt')}
            />
          </Field>
          <Field
            label="Successor version"
            name={`${prefix}-successorId`}
            errors={fieldErrorsFor(state, 'successorId')}
            hint="Advertised in the Link header and the 410 after retirement"
          >
            <Select id={`${prefix}-successorId`} name="successorId" defaultValue="">
              <option value="">None</option>
              {successors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.version}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reason (optional)" name={`${prefix}-reason`} errors={fieldErrorsFor(state, 'reason')}>
            <Textarea
              id={`${prefix}-reason`}
              name="reason"
              rows={2}
              className="font-sans"
              invalid={!!fieldErrorsFor(state, 'reason')}
            />
          </Field>
          <DialogActions>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Deprecating…' : 'Deprecate'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  )
}
