// Billing months are UTC calendar months, written "2026-11". Free quotas, budgets and statements
// all reset on the same boundary, whatever the viewer's time zone.

export function utcMonth(epochMs: number): string {
  const date = new Date(epochMs)
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

/** [start, end) of a "YYYY-MM" month as Dates. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number)
  return { start: new Date(Date.UTC(year, monthNumber - 1, 1)), end: new Date(Date.UTC(year, monthNumber, 1)) }
}
