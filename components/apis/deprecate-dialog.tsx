'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useRef } from 'react'
import { Button } from '@/components/ui/button'
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
  const dialog = useRef<HTMLDialogElement>(null)
  const [state, formAction, pending] = useActionState(
    async (previous: ActionState<DeprecatedVersion>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok) {
        dialog.current?.close()
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
      <Button size="sm" variant="secondary" onClick={() => dialog.current?.showModal()}>
        Deprecate…
      </Button>
      <dialog
        ref={dialog}
        aria-label={`Deprecate ${label}`}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={submit} className="space-y-4 p-5">
          <input type="hidden" name="team" value={teamSlug} />
          <input type="hidden" name="versionId" value={versionId} />
          <h2 className="text-base font-semibold text-slate-900">Deprecate {label}</h2>
          <p className="text-sm text-slate-600">
            Calls keep working until the sunset date; responses carry Deprecation and Sunset headers.
          </p>
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
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Deprecating…' : 'Deprecate'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  )
}
