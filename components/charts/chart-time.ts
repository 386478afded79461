// Axis and tooltip labels for hourly/daily buckets, always in UTC (the rollups' clock), so the
// server-rendered and hydrated charts agree.

const HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hour12: false })
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' })
const DAY_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export type Granularity = 'hour' | 'day'

export function tickLabel(iso: string, granularity: Granularity, spansDays: boolean): string {
  const date = new Date(iso)
  if (granularity === 'day') return DAY.format(date)
  return spansDays ? DAY.format(date) : HOUR.format(date)
}

export function bucketLabel(from: string, granularity: Granularity): string {
  const date = new Date(from)
  return granularity === 'day' ? `${DAY.format(date)} (UTC)` : `${DAY_HOUR.format(date)} UTC`
}

/** For a week of hourly bars: one tick per UTC midnight, so the axis reads as days, not hours. */
export function midnightTicks(points: ReadonlyArray<{ from: string }>, granularity: Granularity): string[] | undefined {
  if (granularity !== 'hour' || points.length <= 24) return undefined
  return points.filter((p) => p.from.endsWith('T00:00:00.000Z')).map((p) => p.from)
}
