import { z } from 'zod'
import { TEAM_VIEWS, teamScopeWhere, type TeamView } from '@/lib/teams/team-view'
import { optionalId } from '@/lib/calls/schemas'
import { parseInstant } from '@/lib/validation/dates'
import { USAGE_GROUPS, type UsageGroup } from './usage-groups'

// The error dashboard's time windows. Rollups are hourly, so windows are aligned to whole hours
// (whole UTC days for 30 d): every bar then covers exactly the calls its drill-down link lists.

export const DASHBOARD_RANGES = ['24h', '7d', '30d'] as const
export type DashboardRange = (typeof DASHBOARD_RANGES)[number]
export type Granularity = 'hour' | 'day'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

/** The longest custom range: a quarter, in days on the charts. */
export const MAX_CUSTOM_DAYS = 92

/** Narrowing a dashboard to one API and (owner side) one consumer team, as the call log does. */
export type DashboardFilter = { apiId?: string; consumerTeamId?: string }

export type DashboardQuery = {
  range: DashboardRange | 'custom'
  view: TeamView
  /** With range "custom": the instants the user picked (snapped to whole hours by the window). */
  from?: Date
  to?: Date
  filter: DashboardFilter
  /** Series by API, consumer team (owner side), key or version instead of the chart's own. */
  group?: UsageGroup
  /** A custom range that could not be read: the fields' messages (the window falls back to 24 h). */
  errors?: DashboardRangeErrors
  /** With errors: what was typed, so the fields keep it rather than showing the fallback window. */
  entered?: { from: string; to: string }
}

export type DashboardRangeErrors = Partial<Record<'from' | 'to', string[]>>

/** What every dashboard query reads: one side of the team over one window, maybe narrowed. */
export type DashboardRequest = { view: TeamView; window: DashboardWindow; limit?: number; filter?: DashboardFilter }

/** The rollup WHERE of every dashboard query: the team's side of the calls, the window's hours. */
export function rollupWhere(teamId: string, { view, window, filter }: DashboardRequest) {
  return {
    ...teamScopeWhere(view, teamId),
    hour: { gte: window.from, lt: window.to },
    ...(filter?.apiId ? { apiId: filter.apiId } : {}),
    // In the consumer view the team itself is the consumer: the filter never replaces the scope.
    ...(view === 'owner' && filter?.consumerTeamId ? { consumerTeamId: filter.consumerTeamId } : {}),
  }
}

export type DashboardWindow = {
  range: DashboardRange | 'custom'
  from: Date
  /** Exclusive. */
  to: Date
  granularity: Granularity
  /** Start of every bucket, oldest first, so charts show empty hours as zero rather than a gap. */
  buckets: Date[]
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

const instant = z.preprocess(first, z.string().max(40)).optional().catch(undefined)

// A bad or missing value falls back to the default: a hand-edited URL never causes a 500.
const dashboardQuerySchema = z.object({
  range: z
    .preprocess(first, z.enum([...DASHBOARD_RANGES, 'custom']))
    .optional()
    .catch(undefined),
  view: z.preprocess(first, z.enum(TEAM_VIEWS)).catch('owner'),
  from: instant,
  to: instant,
  api: optionalId,
  consumer: optionalId,
  group: z.preprocess(first, z.enum(USAGE_GROUPS)).optional().catch(undefined),
})

/** The dashboards' URL: a preset range, or from/to (read as UTC, as the call log reads them). */
export function parseDashboardQuery(searchParams: unknown): DashboardQuery {
  const raw = dashboardQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
  const filter = { apiId: raw.api, consumerTeamId: raw.view === 'owner' ? raw.consumer : undefined }
  // In the consumer view the team is the consumer: there is nothing to group by.
  const group = raw.group === 'consumer' && raw.view !== 'owner' ? undefined : raw.group
  const base = { view: raw.view, filter, group }
  if (raw.range && raw.range !== 'custom') return { ...base, range: raw.range }
  if (!raw.from && !raw.to) return { ...base, range: '24h' }
  const from = parseInstant(raw.from)
  const to = parseInstant(raw.to)
  // A range that cannot be read says so next to its field; the charts show the last 24 h meanwhile.
  const errors: DashboardRangeErrors = {}
  if (!from) errors.from = ['Enter a start date and time (UTC).']
  if (!to) errors.to = ['Enter an end date and time (UTC).']
  else if (from && from >= to) errors.to = ['The end must be after the start.']
  if (from && to && from < to) return { ...base, range: 'custom', from, to }
  return { ...base, range: '24h', errors, entered: { from: raw.from ?? '', to: raw.to ?? '' } }
}

/** The query's window: a preset ending now, or the custom interval in whole hours (or days). */
export function resolveQueryWindow(query: DashboardQuery, now: Date = new Date()): DashboardWindow {
  if (query.range !== 'custom' || !query.from || !query.to) {
    return resolveDashboardWindow(query.range === 'custom' ? '24h' : query.range, now)
  }
  return customWindow(query.from, query.to)
}

function customWindow(fromInstant: Date, toInstant: Date): DashboardWindow {
  const to = Math.ceil(toInstant.getTime() / HOUR_MS) * HOUR_MS
  let from = Math.floor(fromInstant.getTime() / HOUR_MS) * HOUR_MS
  from = Math.max(from, to - MAX_CUSTOM_DAYS * DAY_MS)
  // Up to a week reads per hour (168 bars at most); longer ranges per UTC day.
  const granularity: Granularity = to - from > 7 * DAY_MS ? 'day' : 'hour'
  const step = granularity === 'day' ? DAY_MS : HOUR_MS
  // Per day, both ends widen to whole UTC days, so no picked hour falls outside a bar.
  if (granularity === 'day') from -= from % DAY_MS
  const end = granularity === 'day' ? Math.ceil(to / DAY_MS) * DAY_MS : to
  const count = Math.round((end - from) / step)
  const buckets = Array.from({ length: count }, (_, i) => new Date(from + i * step))
  return { range: 'custom', from: new Date(from), to: new Date(end), granularity, buckets }
}

/** The period of the same length just before `window`: the tiles' "vs previous period". */
export function previousWindow(window: DashboardWindow): DashboardWindow {
  const span = window.to.getTime() - window.from.getTime()
  const buckets = window.buckets.map((b) => new Date(b.getTime() - span))
  return { ...window, from: new Date(window.from.getTime() - span), to: window.from, buckets }
}

export function resolveDashboardWindow(range: DashboardRange, now: Date = new Date()): DashboardWindow {
  const granularity: Granularity = range === '30d' ? 'day' : 'hour'
  const step = granularity === 'day' ? DAY_MS : HOUR_MS
  const count = range === '24h' ? 24 : range === '7d' ? 168 : 30
  // The current (partial) hour or day is the last bucket, so the newest calls are on the chart.
  const end = now.getTime() - (now.getTime() % step) + step
  const from = end - count * step
  const buckets = Array.from({ length: count }, (_, i) => new Date(from + i * step))
  return { range, from: new Date(from), to: new Date(end), granularity, buckets }
}

/** The bucket a rollup hour falls into, as epoch ms. */
function bucketStart(hour: Date, granularity: Granularity): number {
  const t = hour.getTime()
  return granularity === 'day' ? t - (t % DAY_MS) : t - (t % HOUR_MS)
}

function bucketEnd(start: number, granularity: Granularity): number {
  return start + (granularity === 'day' ? DAY_MS : HOUR_MS)
}

/** A chart point: the ISO start and (exclusive) end of its bucket, so a bar links to exactly its calls. */
export type BucketPoint = { from: string; to: string }

/**
 * The window's buckets as chart points, oldest first, each starting as `empty()`, so an hour
 * without calls is a zero rather than a gap. Every over-time query groups its rollups by hour
 * and adds each group to `at(group.hour)`: the point of the bucket it falls into, or undefined
 * outside the window.
 */
export function bucketSeries<P extends object>(window: DashboardWindow, empty: () => P) {
  const points = new Map<number, BucketPoint & P>()
  for (const start of window.buckets) {
    const t = start.getTime()
    points.set(t, {
      from: start.toISOString(),
      to: new Date(bucketEnd(t, window.granularity)).toISOString(),
      ...empty(),
    })
  }
  return {
    at: (hour: Date): (BucketPoint & P) | undefined => points.get(bucketStart(hour, window.granularity)),
    points: (): Array<BucketPoint & P> => [...points.values()],
  }
}

/** The query as URL params (defaults left out), for links that keep the range and the filters. */
export function dashboardQueryToParams(query: DashboardQuery): Record<string, string | undefined> {
  const custom = query.range === 'custom' && query.from && query.to
  return {
    view: query.view === 'owner' ? undefined : query.view,
    range: custom ? 'custom' : query.range === '24h' ? undefined : query.range,
    from: custom ? query.from!.toISOString() : undefined,
    to: custom ? query.to!.toISOString() : undefined,
    api: query.filter.apiId,
    consumer: query.filter.consumerTeamId,
    group: query.group,
  }
}
