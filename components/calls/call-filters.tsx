import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'
import { withParams } from '@/components/ui/pagination'
import type { CallFilterOptions } from '@/lib/calls/list-call-filter-options'
import {
  callLogQueryToParams,
  statusFilterToParam,
  type AiCallScope,
  type AttemptsFilter,
  type CallLogQuery,
} from '@/lib/calls/schemas'
import { formatMs } from '@/components/ui/format'

const STATUS_CHOICES = [
  ['2xx', '2xx success'],
  ['3xx', '3xx redirect'],
  ['4xx', '4xx client error'],
  ['5xx', '5xx server error'],
  ['errors', 'Any error (4xx + 5xx)'],
  ['400', '400'],
  ['401', '401'],
  ['402', '402 Payment required'],
  ['403', '403'],
  ['404', '404'],
  ['410', '410 Gone'],
  ['429', '429 Rate limited'],
  ['500', '500'],
  ['502', '502'],
  ['503', '503'],
  ['504', '504'],
] as const

const AI_SCOPE_LABELS: Record<AiCallScope, string> = {
  any: 'AI calls only',
  reached: 'AI calls that reached a provider',
  served: 'AI calls a provider served',
}

const ATTEMPTS_LABELS: Record<AttemptsFilter, string> = {
  first: 'Served first try',
  fallback: 'Served by a fallback',
}

const RANGE_CHOICES = [
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['custom', 'From / to (UTC)'],
] as const

// <input type="datetime-local"> has no zone; the parser reads it as UTC, so fill it in UTC.
const localValue = (date: Date) => date.toISOString().slice(0, 16)

/**
 * A plain GET form: every filter is a search param, submitting starts again at the newest call.
 * Version, minimum latency, incident, consumer team and the AI filters (provider, attempts,
 * estimated usage, which AI calls) come from drill-downs and show as removable chips.
 */
export function CallFilters({
  basePath,
  query,
  options,
}: {
  basePath: string
  query: CallLogQuery
  options: CallFilterOptions
}) {
  const current = callLogQueryToParams(query)
  const status = statusFilterToParam(query.status) ?? ''
  const statusChoices =
    status && !STATUS_CHOICES.some(([v]) => v === status)
      ? [[status, status] as const, ...STATUS_CHOICES]
      : STATUS_CHOICES
  const apis =
    query.apiId && !options.apis.some((a) => a.id === query.apiId)
      ? [{ id: query.apiId, name: query.apiId }, ...options.apis]
      : options.apis
  const custom = query.range === 'custom'

  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter calls"
      className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
    >
      {query.view === 'consumer' ? <input type="hidden" name="view" value="consumer" /> : null}
      {query.versionId ? <input type="hidden" name="version" value={query.versionId} /> : null}
      {query.slowMs !== undefined ? <input type="hidden" name="slow" value={query.slowMs} /> : null}
      {query.incidentId ? <input type="hidden" name="incident" value={query.incidentId} /> : null}
      {query.consumerTeamId ? <input type="hidden" name="consumer" value={query.consumerTeamId} /> : null}
      {query.provider ? <input type="hidden" name="provider" value={query.provider} /> : null}
      {current.attempts ? <input type="hidden" name="attempts" value={current.attempts} /> : null}
      {current.estimated ? <input type="hidden" name="estimated" value={current.estimated} /> : null}
      {current.ai ? <input type="hidden" name="ai" value={current.ai} /> : null}
      <Labelled label="API" htmlFor="api">
        <Select name="api" defaultValue={query.apiId ?? ''}>
          <option value="">All APIs</option>
          {apis.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Labelled>
      {options.models.length > 0 || query.model ? (
        <Labelled label="Model" htmlFor="model">
          <Select name="model" defaultValue={query.model ?? ''}>
            <option value="">All models</option>
            {[...new Set([...(query.model ? [query.model] : []), ...options.models])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Labelled>
      ) : null}
      {query.view === 'consumer' ? (
        <Labelled label="Key" htmlFor="key">
          <Select name="key" defaultValue={query.keyId ?? ''}>
            <option value="">All keys</option>
            {options.keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name} ({k.prefix}…)
              </option>
            ))}
          </Select>
        </Labelled>
      ) : null}
      <Labelled label="Status" htmlFor="status">
        <Select name="status" defaultValue={status}>
          <option value="">Any status</option>
          {statusChoices.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled label="Time" htmlFor="range">
        <Select name="range" defaultValue={query.range}>
          {RANGE_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled label="From (UTC)" htmlFor="from">
        <Input type="datetime-local" name="from" defaultValue={custom ? localValue(query.from) : ''} />
      </Labelled>
      <Labelled label="To (UTC)" htmlFor="to">
        <Input type="datetime-local" name="to" defaultValue={custom ? localValue(query.to) : ''} />
      </Labelled>
      <Labelled label="Request id" htmlFor="q">
        <Input
          type="search"
          name="q"
          defaultValue={query.requestId ?? ''}
          placeholder="X-Request-Id"
          className="font-mono"
        />
      </Labelled>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Link
          href={withParams(basePath, {}, { view: current.view })}
          className="px-1 py-2 text-sm text-slate-500 hover:text-slate-800"
        >
          Clear
        </Link>
        {/* Every call these filters match, streamed; not just the page on screen. */}
        <a
          href={withParams(`${basePath}/export.csv`, current, {})}
          download
          className="px-1 py-2 text-sm font-medium text-brand-700 hover:underline"
        >
          Export CSV
        </a>
      </div>
      {query.versionId ||
      query.slowMs !== undefined ||
      query.incidentId ||
      query.consumerTeamId ||
      query.provider ||
      query.attempts ||
      query.estimated ||
      query.ai ? (
        <p className="flex flex-wrap gap-3 text-xs text-slate-600 sm:col-span-full">
          {query.incidentId ? (
            <Chip
              label={`Blocked by incident ${query.incidentId} (any time)`}
              href={withParams(basePath, current, { incident: undefined })}
            />
          ) : null}
          {query.consumerTeamId ? (
            <Chip
              label={`Consumer: ${options.consumer?.name ?? query.consumerTeamId}`}
              href={withParams(basePath, current, { consumer: undefined })}
            />
          ) : null}
          {query.provider ? (
            <Chip label={`Served by ${query.provider}`} href={withParams(basePath, current, { provider: undefined })} />
          ) : null}
          {query.ai ? (
            <Chip label={AI_SCOPE_LABELS[query.ai]} href={withParams(basePath, current, { ai: undefined })} />
          ) : null}
          {query.attempts ? (
            <Chip
              label={ATTEMPTS_LABELS[query.attempts]}
              href={withParams(basePath, current, { attempts: undefined })}
            />
          ) : null}
          {query.estimated ? (
            <Chip label="Usage estimated" href={withParams(basePath, current, { estimated: undefined })} />
          ) : null}
          {query.versionId ? (
            <Chip label="One version only" href={withParams(basePath, current, { version: undefined })} />
          ) : null}
          {query.slowMs !== undefined ? (
            <Chip
              label={`Slower than ${formatMs(query.slowMs)}`}
              href={withParams(basePath, current, { slow: undefined })}
            />
          ) : null}
        </p>
      ) : null}
    </form>
  )
}

function Chip({ label, href }: { label: string; href: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5">
      {label}
      <Link href={href} aria-label={`Remove filter: ${label}`} className="text-slate-400 hover:text-slate-700">
        ×
      </Link>
    </span>
  )
}

function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  )
}
