// Formatting at the edge, the same on server and client: times are always UTC (the console's
// clock), so server-rendered and hydrated text never differ.

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

export function formatTime(date: Date | string): string {
  const d = new Date(date)
  return `${DATE_TIME.format(d)}.${String(d.getUTCMilliseconds()).padStart(3, '0')} UTC`
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–'
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1_000) return `${(ms / 1000).toFixed(2)} s`
  if (ms >= 100) return `${Math.round(ms)} ms`
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n)
}

export function formatPercent(rate: number): string {
  if (rate === 0) return '0%'
  return rate < 0.001 ? '<0.1%' : `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)}%`
}

/** A calendar day as "2026-11-24" (UTC), for tables where the time of day does not matter. */
export function formatIsoDate(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10)
}

/** A latency as measured, to the hundredth of a millisecond: tooltips and tables, never axes. */
export function formatMsExact(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–'
  return `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ms)} ms`
}

/** A tile's change against the previous period: "▲ +12% vs previous period (1,024)". */
export function formatChange(current: number, previous: number, shown: (n: number) => string = formatCount): string {
  const was = `(${shown(previous)})`
  if (current === previous) return `no change vs previous period ${was}`
  if (previous === 0) return `none in the previous period`
  const change = (current - previous) / previous
  const percent = Math.abs(change) < 0.01 ? '<1%' : `${Math.round(Math.abs(change) * 100)}%`
  return `${change > 0 ? '▲ +' : '▼ −'}${percent} vs previous period ${was}`
}

const MINUTE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** A dashboard window as "03 Dec, 10:00 – 04 Dec, 10:00 UTC" (its end is exclusive). */
export function formatWindow({ from, to }: { from: Date; to: Date }): string {
  return `${MINUTE.format(from)} – ${MINUTE.format(to)} UTC`
}
