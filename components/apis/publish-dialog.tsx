'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog, DialogActions } from '@/components/ui/dialog'
import { controlClass } from '@/components/ui/form-field'
import { Spinner } from '@/components/ui/spinner'
import { fieldErrorsFor, type ActionState, type FormAction } from '@/lib/auth/action-result'
import type { PublishChecks } from '@/lib/lifecycle/get-publish-checks'
import type { PublishedVersion } from '@/lib/lifecycle/publish-version'
import { ChangeList } from './change-list'

const NO_ANSWER = { ok: false, error: 'That did not work' } as const

/**
 * Publishing is a two-step dialog: the checks run first (validation, upstream, plan, breaking
 * changes) and are shown; the publish button then sends the override and its reason if needed.
 * The server runs every check again before it commits.
 */
export function PublishDialog({
  teamSlug,
  versionId,
  label,
  check,
  publish: publishAction,
}: {
  teamSlug: string
  versionId: string
  label: string
  check: FormAction<PublishChecks>
  publish: FormAction<PublishedVersion>
}) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [checks, setChecks] = useState<ActionState<PublishChecks>>(null)
  const [result, setResult] = useState<ActionState<PublishedVersion>>(null)
  const [override, setOverride] = useState(false)
  const [reason, setReason] = useState('')
  const [checking, startChecking] = useTransition()
  const [publishing, startPublishing] = useTransition()

  // The dialog posts what a form would: the team, the version and, for publishing, the override.
  function form(fields: Record<string, string> = {}) {
    const formData = new FormData()
    formData.set('team', teamSlug)
    formData.set('versionId', versionId)
    for (const [name, value] of Object.entries(fields)) formData.set(name, value)
    return formData
  }

  function openChecks() {
    setChecks(null)
    setResult(null)
    setOverride(false)
    setReason('')
    setOpen(true)
    startChecking(async () => setChecks((await check(null, form())) ?? NO_ANSWER))
  }

  function publish() {
    startPublishing(async () => {
      const outcome =
        (await publishAction(null, form({ override: override ? 'on' : '', overrideReason: reason }))) ?? NO_ANSWER
      setResult(outcome)
      if (outcome.ok) {
        setOpen(false)
        router.refresh()
      }
    })
  }

  const reasonErrors = fieldErrorsFor(result, 'overrideReason')
  const data = checks?.ok ? checks.data : null
  const basicsOk = !!data && data.document.ok && (data.aiRoutes?.ok ?? data.upstream.ok) && data.plans.ok
  const canPublish = basicsOk && (!data.needsOverride || (override && reason.trim().length > 0))

  return (
    <>
      <Button size="sm" onClick={openChecks}>
        Publish…
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Publish ${label}`} size="xl">
        <div className="space-y-4">
          {checking || !checks ? <Spinner label="Running publish checks" /> : null}
          {checks && !checks.ok ? (
            <p role="alert" data-form-error className="text-sm text-red-700">
              {checks.error}
            </p>
          ) : null}
          {data ? (
            <ul className="space-y-2 text-sm" aria-label="Publish checks">
              <CheckRow
                ok={data.document.ok}
                label="OpenAPI document validates"
                detail={
                  data.document.ok
                    ? null
                    : data.document.errors
                        .slice(0, 5)
                        .map((e) => `${e.path || '/'}: ${e.message}`)
                        .join('\n')
                }
              />
              {data.aiRoutes ? (
                <CheckRow
                  ok={data.aiRoutes.ok}
                  label="Models are routed"
                  detail={
                    data.aiRoutes.ok ? data.aiRoutes.models.join(', ') : 'Expose at least one model in the design'
                  }
                />
              ) : (
                <CheckRow
                  ok={data.upstream.ok}
                  label={`Upstream answers (${data.version.upstreamUrl})`}
                  detail={
                    data.upstream.ok ? `HTTP ${data.upstream.status} in ${data.upstream.ms} ms` : data.upstream.error
                  }
                />
              )}
              <CheckRow
                ok={data.plans.ok}
                label="A plan is attached"
                detail={
                  data.plans.ok
                    ? `${data.plans.count} active plan${data.plans.count === 1 ? '' : 's'}`
                    : 'Add a plan in the Plans section first'
                }
              />
              <CheckRow
                ok={!data.needsOverride}
                warn={data.needsOverride}
                label={
                  data.previous
                    ? `Compatible with ${data.previous.version}`
                    : 'First published version: nothing to compare'
                }
                detail={
                  data.previous
                    ? `${data.breakingCount} breaking, ${data.changes.length - data.breakingCount} other change(s)${data.breakingCount > 0 && !data.needsOverride ? ' (allowed: new major version)' : ''}`
                    : null
                }
              />
            </ul>
          ) : null}
          {data && data.changes.length > 0 ? (
            <div className="max-h-64 overflow-auto rounded-md ring-1 ring-slate-200">
              <ChangeList changes={data.changes} />
            </div>
          ) : null}
          {data?.needsOverride ? (
            <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
              <label className="flex items-center gap-2 text-sm font-medium text-amber-900">
                <input
                  type="checkbox"
                  name="override"
                  checked={override}
                  onChange={(e) => setOverride(e.target.checked)}
                />
                Publish anyway under major {data.version.major} (override)
              </label>
              {override ? (
                <label className="block space-y-1 text-sm">
                  <span className="font-medium text-slate-700">Reason (recorded in the lifecycle history)</span>
                  <textarea
                    name="overrideReason"
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required
                    aria-invalid={reasonErrors ? true : undefined}
                    aria-describedby={reasonErrors ? `override-reason-${versionId}-error` : undefined}
                    className={controlClass(Boolean(reasonErrors))}
                  />
                  {reasonErrors?.map((message) => (
                    <span
                      key={message}
                      id={`override-reason-${versionId}-error`}
                      className="block text-xs text-red-600"
                      data-field-error="overrideReason"
                    >
                      {message}
                    </span>
                  ))}
                </label>
              ) : null}
            </div>
          ) : null}
          {result && !result.ok ? (
            <p role="alert" data-form-error className="text-sm text-red-700">
              {result.error}
            </p>
          ) : null}
          <DialogActions>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button onClick={publish} disabled={!canPublish || publishing || checking}>
              {publishing ? 'Publishing…' : 'Publish'}
            </Button>
          </DialogActions>
        </div>
      </Dialog>
    </>
  )
}

function CheckRow({ ok, warn, label, detail }: { ok: boolean; warn?: boolean; label: string; detail?: string | null }) {
  const icon = ok ? '✓' : warn ? '!' : '✗'
  const tone = ok ? 'bg-emerald-100 text-emerald-700' : warn ? 'bg-amber-100 text-amber-800' : 'bg-red-100 text-red-700'
  return (
    <li className="flex gap-2" data-check={ok ? 'pass' : 'fail'}>
      <span aria-hidden className={`grid h-5 w-5 shrink-0 place-items-center rounded-full text-xs font-bold ${tone}`}>
        {icon}
      </span>
      <span>
        <span className="font-medium text-slate-900">{label}</span>
        <span className="sr-only">{ok ? ' (passed)' : ' (failed)'}</span>
        {detail ? <span className="block whitespace-pre-line text-xs text-slate-500">{detail}</span> : null}
      </span>
    </li>
  )
}
