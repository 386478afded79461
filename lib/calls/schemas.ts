import { z } from 'zod'
import { decodeCursor, type Cursor } from '@/lib/pagination/paginate-cursor'
import { TEAM_VIEWS, type TeamView } from '@/lib/teams/team-view'
import { parseInstant } from '@/lib/validation/dates'
import { integerInput } from '@/lib/validation/numbers'
import { searchText } from '@/lib/validation/text'

// The call log's filters. Everything lives in the URL; a bad value falls back to its default
// (never a 500), the way the catalog parses its params.

export const CALLS_PAGE_SIZE = 50
/** The `key` filter's value for calls made without a key (a 401 names none). */
export const NO_KEY = 'none'
export const CALL_RANGES = ['1h', '24h', '7d', '30d'] as const
export type CallRange = (typeof CALL_RANGES)[number]
export const STATUS_FILTER_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'errors'] as const

const RANGE_MS: Record<CallRange, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
}

/**
 * Which AI calls: any (those with a model), those that reached a provider (served or failed there:
 * what AiUsageRollup counts) or those a provider served (what the latency histograms count). Calls
 * refused before any provider call (400, 402, 429) are AI calls but neither reached nor served.
 */
export const AI_CALL_SCOPES = ['any', 'reached', 'served'] as const
export type AiCallScope = (typeof AI_CALL_SCOPES)[number]

/**
 * AI calls a provider served, by attempts: on the first (what the reliability chart's "served
 * first try" counts) or after a fallback (a later provider model answered). Either is "served".
 */
export const ATTEMPTS_FILTERS = ['first', 'fallback'] as const
export type AttemptsFilter = (typeof ATTEMPTS_FILTERS)[number]

export type StatusClassFilter = (typeof STATUS_FILTER_CLASSES)[number]
export type StatusFilter = { kind: 'code'; code: number } | { kind: 'class'; value: StatusClassFilter }

export type CallLogQuery = {
  view: TeamView
  apiId?: string
  versionId?: string
  /** One key's calls ("none": calls made without a key); an owner filters by a consumer's key from the dashboards. */
  keyId?: string
  /** Only in the owner view: one consumer team's calls to our APIs (the revenue drill-down). */
  consumerTeamId?: string
  status?: StatusFilter
  /** Minimum latency in ms (the dashboard's p95 drill-down). */
  slowMs?: number
  requestId?: string
  /** The calls one payment incident blocked (its 402s carry incidentId). */
  incidentId?: string
  /** AI calls: the exposed model the consumer asked for (the billing chart's drill-down). */
  model?: string
  /** AI calls: the provider model that served them. */
  provider?: string
  /** AI calls served on the first attempt or by a fallback: the AI dashboard's drill-downs. */
  attempts?: AttemptsFilter
  /** AI calls whose usage the tokenizer estimated. */
  estimated?: boolean
  /** Only AI calls, of one scope: the AI dashboard's drill-downs open exactly what a figure counts. */
  ai?: AiCallScope
  range: CallRange | 'custom'
  from: Date
  /** Exclusive. */
  to: Date
  /** Older than this row (the "Older" link)… */
  after?: Cursor
  /** …or newer than this row (the "Newer" link). */
  before?: Cursor
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
/** An id in a URL parameter (the call log's and the dashboards' filters); anything else is no filter. */
export const optionalId = z
  .preprocess(
    first,
    z
      .string()
      .trim()
      .regex(/^[\w-]{1,100}$/),
  )
  .optional()
  .catch(undefined)

// Model names as AiModel allows them (letters, digits and . _ : / -).
const optionalModel = z
  .preprocess(
    first,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/),
  )
  .optional()
  .catch(undefined)

// "1" turns a yes/no filter on; anything else leaves it off.
const flag = z
  .preprocess(first, z.string())
  .optional()
  .transform((v) => v === '1')
  .catch(false)

const rawSchema = z.object({
  view: z.preprocess(first, z.enum(TEAM_VIEWS)).catch('owner'),
  api: optionalId,
  version: optionalId,
  key: optionalId,
  consumer: optionalId,
  status: z.preprocess(first, z.string().trim().toLowerCase()).optional().catch(undefined),
  slow: z
    .preprocess(first, integerInput({ min: 0, max: 3_600_000 }))
    .optional()
    .catch(undefined),
  q: z.preprocess(first, searchText().min(1).max(200)).optional().catch(undefined),
  incident: optionalId,
  model: optionalModel,
  provider: optionalModel,
  attempts: z.preprocess(first, z.enum(ATTEMPTS_FILTERS)).optional().catch(undefined),
  // fallback=1 (older links) is attempts=fallback.
  fallback: flag,
  estimated: flag,
  // "1" (older links) is any AI call.
  ai: z
    .preprocess(first, z.enum(['1', ...AI_CALL_SCOPES]))
    .optional()
    .transform((v): AiCallScope | undefined => (v === '1' ? 'any' : v))
    .catch(undefined),
  // Absent (or "custom"): from/to decide; a preset wins over leftover from/to fields in the form.
  range: z
    .preprocess(first, z.enum([...CALL_RANGES, 'custom']))
    .optional()
    .catch(undefined),
  from: z.preprocess(first, z.string().max(40)).optional().catch(undefined),
  to: z.preprocess(first, z.string().max(40)).optional().catch(undefined),
  cursor: z.preprocess(first, z.string().max(120)).optional().catch(undefined),
  before: z.preprocess(first, z.string().max(120)).optional().catch(undefined),
})

export function parseCallLogQuery(searchParams: unknown, now: Date = new Date()): CallLogQuery {
  const raw = rawSchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
  const query: CallLogQuery = {
    view: raw.view,
    apiId: raw.api,
    versionId: raw.version,
    keyId: raw.key,
    // In the consumer view the consumer is the team itself: the parameter is ignored, never used
    // to widen or replace the team scope.
    consumerTeamId: raw.view === 'owner' ? raw.consumer : undefined,
    status: parseStatusFilter(raw.status),
    slowMs: raw.slow,
    requestId: raw.q,
    incidentId: raw.incident,
    model: raw.model,
    provider: raw.provider,
    attempts: raw.attempts ?? (raw.fallback ? 'fallback' : undefined),
    estimated: raw.estimated || undefined,
    ai: raw.ai,
    range: '24h',
    from: new Date(now.getTime() - RANGE_MS['24h']),
    to: now,
  }
  if (raw.range && raw.range !== 'custom') {
    Object.assign(query, { range: raw.range, from: new Date(now.getTime() - RANGE_MS[raw.range]) })
  } else {
    // from alone means "from then until now"; an interval that is empty or reversed is ignored.
    const from = parseInstant(raw.from)
    const to = parseInstant(raw.to) ?? (from ? now : undefined)
    if (from && to && from < to) Object.assign(query, { range: 'custom', from, to })
  }
  const after = decodeCursor(raw.cursor)
  const before = after ? undefined : decodeCursor(raw.before)
  return { ...query, after, before }
}

export function parseStatusFilter(value: string | undefined): StatusFilter | undefined {
  if (!value) return undefined
  if ((STATUS_FILTER_CLASSES as readonly string[]).includes(value))
    return { kind: 'class', value: value as StatusClassFilter }
  if (/^[1-5]\d\d$/.test(value)) return { kind: 'code', code: Number(value) }
  return undefined
}

export function statusFilterToParam(status: StatusFilter | undefined): string | undefined {
  if (!status) return undefined
  return status.kind === 'code' ? String(status.code) : status.value
}

/**
 * ISO 8601 instants (lib/validation/dates): a value without an offset (what
 * <input type="datetime-local"> sends) is read as UTC, because the console shows every time in UTC.
 */
export { parseInstant }

/** The filters as URL params (defaults and cursors left out), for links that keep them. */
export function callLogQueryToParams(query: CallLogQuery): Record<string, string | undefined> {
  const custom = query.range === 'custom'
  return {
    view: query.view === 'owner' ? undefined : query.view,
    api: query.apiId,
    version: query.versionId,
    key: query.keyId,
    consumer: query.consumerTeamId,
    status: statusFilterToParam(query.status),
    slow: query.slowMs === undefined ? undefined : String(query.slowMs),
    q: query.requestId,
    incident: query.incidentId,
    model: query.model,
    provider: query.provider,
    attempts: query.attempts,
    estimated: query.estimated ? '1' : undefined,
    ai: query.ai === 'any' ? '1' : query.ai,
    range: custom || query.range === '24h' ? undefined : query.range,
    from: custom ? query.from.toISOString() : undefined,
    to: custom ? query.to.toISOString() : undefined,
  }
}
