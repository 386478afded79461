import { checkDate } from '@/lib/validation/dates'
import { MAX_CUSTOM_DAYS } from './dashboard-window'

// Why a custom range from the dashboards' range form was not applied. parseDashboardQuery falls
// back to the default window on any bad value (a hand-edited URL never causes a 500); these say
// what was wrong, next to the From and To fields, so a user who picked a reversed range sees why.

/** Field errors, and what was typed (the window fell back to the default, the fields keep the input). */
export type DashboardRangeErrors = { from?: string[]; to?: string[]; entered: { from: string; to: string } }

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

export function dashboardRangeErrors(searchParams: Record<string, unknown>): DashboardRangeErrors | undefined {
  const range = first(searchParams.range)
  const from = first(searchParams.from)
  const to = first(searchParams.to)
  // Only the form sends range=custom; a preset link wins over leftover from/to.
  if (range !== 'custom' && (range !== undefined || (from === undefined && to === undefined))) return undefined
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 40) : '')
  const errors: DashboardRangeErrors = { entered: { from: text(from), to: text(to) } }
  const check = (value: unknown, field: 'from' | 'to') => {
    if (typeof value !== 'string' || value.trim() === '') {
      errors[field] = ['Enter a date and time']
      return undefined
    }
    const checked = checkDate(value.trim())
    if (checked.ok) return checked.date
    errors[field] = [checked.message]
    return undefined
  }
  const fromDate = check(from, 'from')
  const toDate = check(to, 'to')
  if (fromDate && toDate && fromDate >= toDate) errors.to = ['Must be after From']
  else if (fromDate && toDate && toDate.getTime() - fromDate.getTime() > MAX_CUSTOM_DAYS * 86_400_000)
    errors.from = [`At most ${MAX_CUSTOM_DAYS} days before To: the charts show the last ${MAX_CUSTOM_DAYS} days`]
  return errors.from || errors.to ? errors : undefined
}
