'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input, Textarea } from '@/components/ui/form-field'
import type { SavedVersion } from '@/lib/apis/update-draft-version'
import { fieldErrorsFor, type ActionState } from '@/lib/auth/action-result'
import { formatBytes, MAX_PASTED_OPENAPI_BYTES } from '@/lib/openapi/openapi-limits.mjs'
import { OpenApiErrorList } from './openapi-error-list'
import { postWithProgress, type UploadProgress } from './post-with-progress'
import { UploadProgressBar } from './upload-progress'

export type ExistingVersion = {
  id: string
  version: string
  state: string
  upstreamUrl: string
  timeoutMs: number
  /** The contract as the author gave it; null when it is too large to edit in the page. */
  openapi: string | null
  openapiBytes: number
  convertedFrom: string | null
}

/**
 * Adds a version, or edits one (`existing`). A draft is saved in place; for a published (or
 * later) version the same form saves the edited contract as a new draft, because a published
 * contract is immutable. The contract is pasted (small documents), uploaded as a file (streamed to
 * the server with its progress shown) or imported from a URL; the form posts to the API's upload
 * route, not a server action, so a 13 MB contract fits. Files over `maxBytes` are refused here,
 * before anything is posted.
 */
export function VersionForm({
  teamSlug,
  apiSlug,
  apiId,
  existing,
  suggestedLabel,
  template,
  maxBytes,
}: {
  teamSlug: string
  apiSlug: string
  apiId: string
  existing?: ExistingVersion
  suggestedLabel: string
  /** For a new version: the latest version's contract (when small) and upstream, as a starting point. */
  template?: { openapi: string | null; upstreamUrl: string; timeoutMs: number }
  /** The server's contract limit (OPENAPI_MAX_MB), which the browser cannot read itself. */
  maxBytes: number
}) {
  const router = useRouter()
  const editingDraft = existing?.state === 'DRAFT'
  const initialText = existing ? (existing.openapi ?? '') : (template?.openapi ?? '')
  const [openapi, setOpenapi] = useState(initialText)
  const [file, setFile] = useState<File | null>(null)
  // A refusal made in the browser (too large); the server's own errors come back in `state`.
  const [localError, setLocalError] = useState<string | null>(null)
  const [state, setState] = useState<ActionState<SavedVersion>>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const pending = progress !== null
  const tooLarge = (what: string, bytes: number) =>
    `${what} is ${formatBytes(bytes)}; a contract may be ${formatBytes(maxBytes)} at most`

  // A small file is loaded into the text box, to read and edit; a large one is sent as it is.
  async function chooseFile(chosen: File | undefined) {
    setLocalError(null)
    setFile(null)
    if (!chosen) return
    if (chosen.size > maxBytes) return setLocalError(tooLarge(`The file ${chosen.name}`, chosen.size))
    if (chosen.size <= MAX_PASTED_OPENAPI_BYTES) setOpenapi(await chosen.text())
    else setFile(chosen)
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (localError || pending) return
    const form = new FormData(event.currentTarget)
    form.delete('openapiFile')
    form.delete('openapi')
    const pastedBytes = new Blob([openapi]).size
    if (file) form.set('openapi', file, file.name)
    else if (openapi.trim()) {
      if (pastedBytes > MAX_PASTED_OPENAPI_BYTES)
        return setLocalError(
          `The pasted document is ${formatBytes(pastedBytes)}; upload documents over ${formatBytes(MAX_PASTED_OPENAPI_BYTES)} as a file`,
        )
      form.set('openapi', openapi)
    }
    // With neither (an edit of a contract too large to show), the server keeps the one it has.
    setProgress({ phase: 'uploading', loaded: 0, total: file?.size ?? pastedBytes })
    const result = await postWithProgress<SavedVersion>(
      `/t/${teamSlug}/apis/${apiSlug}/contract-upload`,
      form,
      setProgress,
    )
    setProgress(null)
    setState(result)
    if (result?.ok) {
      // A new version (added, or a published one edited into a new draft) has its own page.
      if (result.data.created) router.push(`/t/${teamSlug}/apis/${apiSlug}/versions/${result.data.versionId}`)
      else router.refresh()
    }
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
      <div className="space-y-4">
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
        {existing?.convertedFrom ? (
          <p data-converted className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-800 ring-1 ring-sky-200">
            This contract was given as Swagger 2.0 and converted to OpenAPI 3 when it was saved. The text below is the
            original; saving converts it again.
          </p>
        ) : null}
        {existing && existing.openapi === null ? (
          <p className="text-sm text-slate-600">
            The current contract ({formatBytes(existing.openapiBytes)}) is too large to edit here. It is kept unless you
            upload, paste or import another one.
          </p>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Field
            label="OpenAPI document (3.0 or 3.1, JSON or YAML)"
            name="openapi"
            errors={documentErrors}
            hint={`Swagger 2.0 is converted. Paste up to ${formatBytes(MAX_PASTED_OPENAPI_BYTES)}; upload larger files (up to ${formatBytes(maxBytes)})`}
          >
            <Textarea
              name="openapi"
              rows={18}
              value={openapi}
              onChange={(e) => {
                setOpenapi(e.target.value)
                setLocalError(null)
              }}
              disabled={!!file}
              spellCheck={false}
              invalid={!!localError || !!fieldErrorsFor(state, 'openapi')}
              className="text-xs"
              placeholder={file ? `Uploading ${file.name} instead` : 'openapi: 3.1.0\ninfo:\n  title: …'}
            />
          </Field>
          <div className="space-y-3 pt-6">
            <label className="block text-sm">
              <span className="font-medium text-slate-700">Upload a file</span>
              <input
                type="file"
                name="openapiFile"
                accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
                aria-label="OpenAPI file"
                onChange={(e) => chooseFile(e.target.files?.[0])}
                className="mt-1 block w-full text-xs text-slate-600 file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-2.5 file:py-1.5 file:text-xs file:font-medium"
              />
            </label>
            {file ? (
              <p data-chosen-file className="text-xs text-slate-600">
                {file.name}, {formatBytes(file.size)}: sent as it is, the text box is ignored.
              </p>
            ) : null}
            <Field
              label="Or import from a URL"
              name="importUrl"
              errors={fieldErrorsFor(state, 'importUrl')}
              hint="Fetched by the server once, when you save"
            >
              <Input
                name="importUrl"
                type="url"
                placeholder="https://example.com/openapi.json"
                invalid={!!fieldErrorsFor(state, 'importUrl')}
              />
            </Field>
            {localError ? null : <OpenApiErrorList errors={fieldErrorsFor(state, 'openapi')} />}
          </div>
        </div>
        <UploadProgressBar progress={progress} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : existing ? (editingDraft ? 'Save draft' : 'Save as new draft version') : 'Add version'}
      </Button>
    </form>
  )
}
