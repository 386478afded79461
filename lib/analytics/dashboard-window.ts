import { z } from 'zod'
import { TEAM_VIEWS, teamScopeWhere, type TeamView } from '@/lib/teams/team-view'

// The error dashboard's time windows. Rollups are hourly, so windows are aligned to whole hours
// (whole UTC days for 30 d): every bar then covers exactly the calls its drill-down link lists.

export const DASHBOARD_RANGES = ['24h', '7d', '30d'] as const
export type DashboardRange = (typeof DASHBOARD_RANGES)[number]
export type Granularity = 'hour' | 'day'

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

export type DashboardQuery = { range: DashboardRange; view: TeamView }

/** What every dashboard query reads: one side of the team over one window. */
export type DashboardRequest = { view: TeamView; window: DashboardWindow; limit?: number }

/** The rollup WHERE of every dashboard query: the team's side of the calls, the window's hours. */
export function rollupWhere(teamId: string, { view, window }: DashboardRequest) {
  return { ...teamScopeWhere(view, teamId), hour: { gte: window.from, lt: window.to } }
}

export type DashboardWindow = {
  range: DashboardRange
  from: Date
  /** Exclusive. */
  to: Date
  granularity: Granularity
  /** Start of every bucket, oldest first, so charts show empty hours as zero rather than a gap. */
  buckets: Date[]
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

// A bad or missing value falls back to the default: a hand-edited URL never causes a 500.
const dashboardQuerySchema = z.object({
  range: z.preprocess(first, z.enum(DASHBOARD_RANGES)).catch('24h'),
  view: z.preprocess(first, z.enum(TEAM_VIEWS)).catch('owner'),
})

export function parseDashboardQuery(searchParams: unknown): DashboardQuery {
  return dashboardQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
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
