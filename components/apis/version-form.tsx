'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Textarea } from '@/components/ui/form-field'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import { formatBytes, MAX_OPENAPI_BYTES } from '@/lib/openapi/openapi-limits.mjs'
import { useSubmit } from './use-submit'
import { OpenApiErrorList } from './openapi-error-list'

type ExistingVersion = {
  id: string
  version: string
  state: string
  upstreamUrl: string
  timeoutMs: number
  openapi: string
}

/**
 * Adds a version, or edits one (`existing`); `action` is the matching server action. A draft is
 * saved in place; for a published (or later) version the same form saves the edited contract as a
 * new draft, because a published contract is immutable.
 * The OpenAPI document can be pasted, typed, or loaded from a file (read in the browser). A file
 * or text over MAX_OPENAPI_BYTES is refused here, by the field, before anything is posted.
 */
export function VersionForm({
  teamSlug,
  apiSlug,
  apiId,
  existing,
  suggestedLabel,
  template,
  canEdit = true,
  action,
}: {
  teamSlug: string
  apiSlug: string
  apiId: string
  existing?: ExistingVersion
  suggestedLabel: string
  /** For a new version: the latest version's contract and upstream, as a starting point. */
  template?: { openapi: string; upstreamUrl: string; timeoutMs: number }
  canEdit?: boolean
  action: FormAction<SavedVersion>
}) {
  const router = useRouter()
  const editingDraft = existing?.state === 'DRAFT'
  const [openapi, setOpenapi] = useState(existing?.openapi ?? template?.openapi ?? '')
  // A refusal made in the browser (too large); the server's own errors come back in `state`.
  const [localError, setLocalError] = useState<string | null>(null)
  const [state, formAction, pending] = useActionState(
    async (previous: ActionState<SavedVersion>, formData: FormData) => {
      const result = await action(previous, formData)
      if (result?.ok) {
        // A new version (added, or a published one edited into a new draft) has its own page.
        if (result.data.created) router.push(`/t/${teamSlug}/apis/${apiSlug}/versions/${result.data.versionId}`)
        else router.refresh()
      }
      return result
    },
    null,
  )
  const submit = useSubmit(formAction)
  const tooLarge = (what: string, bytes: number) =>
    `${what} is ${formatBytes(bytes)}; a contract may be ${formatBytes(MAX_OPENAPI_BYTES)} at most`

  async function loadFile(file: File | undefined) {
    setLocalError(null)
    if (!file) return
    if (file.size > MAX_OPENAPI_BYTES) return setLocalError(tooLarge(`The file ${file.name}`, file.size))
    setOpenapi(await file.text())
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const bytes = new Blob([openapi]).size
    if (bytes > MAX_OPENAPI_BYTES) setLocalError(tooLarge('The document', bytes))
    if (bytes > MAX_OPENAPI_BYTES || localError) return event.preventDefault()
    submit(event)
  }
  const documentErrors = localError ? [localError] : undefined

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="team" value={teamSlug} />
      {existing ? (
        <input type="hidden" name="versionId" value={existing.id} />
      ) : (
        <input type="hidden" name="apiId" value={apiId} />
      )}
      <FormMessage result={state} />
      {state?.ok && editingDraft ? (
        <p role="status" className="text-sm text-emerald-700">
          Draft saved.
        </p>
      ) : null}
      {existing && !editingDraft ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          {existing.version} is {existing.state.toLowerCase()}: its contract is immutable. Saving creates a new draft
          version with your changes.
        </p>
      ) : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)_10rem]">
          {!editingDraft ? (
            <Field
              label={existing ? 'New version label' : 'Version label'}
              name="version"
              errors={fieldErrorsFor(state, 'version')}
              hint="v1, v2, v2.1…"
            >
              <Input
                name="version"
                required
                defaultValue={suggestedLabel}
                invalid={!!fieldErrorsFor(state, 'version')}
              />
            </Field>
          ) : (
            <Field label="Version" name="versionLabel">
              <Input name="versionLabel" value={existing!.version} disabled readOnly />
            </Field>
          )}
          <Field
            label="Upstream URL"
            name="upstreamUrl"
            errors={fieldErrorsFor(state, 'upstreamUrl')}
            hint="Where the gateway forwards calls"
          >
            <Input
              name="upstreamUrl"
              type="url"
              required
              defaultValue={(existing ?? template)?.upstreamUrl ?? ''}
              placeholder="https://pets.internal.example.com"
              invalid={!!fieldErrorsFor(state, 'upstreamUrl')}
            />
          </Field>
          <Field label="Timeout (ms)" name="timeoutMs" errors={fieldErrorsFor(state, 'timeoutMs')}>
            <Input
              name="timeoutMs"
              inputMode="numeric"
              autoComplete="off"
              defaultValue={(existing ?? template)?.timeoutMs ?? 30000}
              invalid={!!fieldErrorsFor(state, 'timeoutMs')}
            />
          </Field>
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Field label="OpenAPI document (3.0 or 3.1, JSON or YAML)" name="openapi" errors={documentErrors}>
            <Textarea
              name="openapi"
              rows={18}
              required
              value={openapi}
              onChange={(e) => {
                setOpenapi(e.target.value)
                setLocalError(null)
              }}
              spellCheck={false}
              invalid={!!localError || !!fieldErrorsFor(state, 'openapi')}
              className="text-xs"
              placeholder={'openapi: 3.1.0\ninfo:\n  title: …'}
            />
          </Field>
          <div className="space-y-3 pt-6">
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Load from a file</span>
              <input
                type="file"
                accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
                aria-label="OpenAPI file"
                onChange={(e) => loadFile(e.target.files?.[0])}
                className="mt-1 block w-full text-xs text-slate-600 file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-2.5 file:py-1.5 file:text-xs file:font-medium"
              />
            </label>
            {localError ? null : <OpenApiErrorList errors={fieldErrorsFor(state, 'openapi')} />}
          </div>
        </div>
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending
            ? 'Validating…'
            : existing
              ? editingDraft
                ? 'Save draft'
                : 'Save as new draft version'
              : 'Add version'}
        </Button>
      ) : null}
    </form>
  )
}
