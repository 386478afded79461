'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Select } from '@/components/ui/form-field'
import type { UpdatedCapture } from '@/lib/apis/update-version-capture'
import { fieldErrorsFor, type FormAction } from '@/lib/auth/action-result'
import { useSubmit } from './use-submit'

export type CaptureMode = 'OFF' | 'HEADERS' | 'HEADERS_AND_BODIES'

export const CAPTURE_MODE_LABELS: Record<CaptureMode, string> = {
  OFF: 'Off',
  HEADERS: 'Headers',
  HEADERS_AND_BODIES: 'Headers and bodies',
}

/**
 * One version's call capture: what the gateway keeps of each call (secrets redacted, bodies capped
 * at 16 KB) and for how many days. A member without the write right reads the setting as text.
 */
export function CaptureSettingsForm({
  teamSlug,
  version,
  canEdit,
  action,
}: {
  teamSlug: string
  version: { id: string; version: string; captureMode: CaptureMode; captureRetentionDays: number }
  canEdit: boolean
  action: FormAction<UpdatedCapture>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const submit = useSubmit(formAction)
  const prefix = `capture-${version.id}`
  if (!canEdit) {
    return (
      <p className="text-sm text-slate-700" data-capture-setting={version.version}>
        <span className="font-medium">{version.version}</span>: {CAPTURE_MODE_LABELS[version.captureMode]}
        {version.captureMode === 'OFF' ? null : `, kept ${version.captureRetentionDays} day(s)`}
      </p>
    )
  }
  return (
    <form
      onSubmit={submit}
      className="grid items-end gap-3 sm:grid-cols-[5rem_minmax(0,1fr)_8rem_auto]"
      aria-label={`Call capture for ${version.version}`}
    >
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="versionId" value={version.id} />
      <p className="pb-2 text-sm font-medium text-slate-900">{version.version}</p>
      <Field label="Capture" name={`${prefix}-mode`} errors={fieldErrorsFor(state, 'captureMode')}>
        <Select id={`${prefix}-mode`} name="captureMode" defaultValue={version.captureMode}>
          {Object.entries(CAPTURE_MODE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Keep (days)" name={`${prefix}-days`} errors={fieldErrorsFor(state, 'captureRetentionDays')}>
        <Input
          id={`${prefix}-days`}
          name="captureRetentionDays"
          inputMode="numeric"
          defaultValue={version.captureRetentionDays}
          invalid={!!fieldErrorsFor(state, 'captureRetentionDays')}
        />
      </Field>
      <div className="flex items-center gap-2 pb-0.5">
        <Button type="submit" size="sm" disabled={pending}>
          Save
        </Button>
        {state?.ok ? (
          <span role="status" className="text-xs text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
      <div className="sm:col-span-4">
        <FormMessage result={state} />
      </div>
    </form>
  )
}
