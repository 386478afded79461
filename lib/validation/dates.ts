import { z } from 'zod'

// Dates typed into forms (<input type="date"> posts "2030-02-28", type="datetime-local" posts
// "2030-02-28T10:00") and dates in URLs. JavaScript's Date rolls impossible dates over
// ("2030-02-30" becomes March 2nd) and accepts years up to 275760, so these parsers check the
// calendar themselves and keep to years a console can mean. A value without an offset is UTC,
// because the console shows every time in UTC.

export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

// Years of 5 or 6 digits are matched only to be refused with the range message (a date input
// lets people type up to 275760).
const INSTANT = /^(\d{4,6})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export type DateCheck = { ok: true; date: Date } | { ok: false; message: string }

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const yearRangeMessage = `Choose a year from ${MIN_YEAR} to ${MAX_YEAR}`

/**
 * Reads "YYYY-MM-DD" or, with `time`, also "YYYY-MM-DDTHH:MM[:SS[.sss]][Z|±HH:MM]", refusing
 * dates that do not exist with a message that says why ("February 2030 has 28 days").
 */
export function checkDate(text: string, { time = true }: { time?: boolean } = {}): DateCheck {
  const match = INSTANT.exec(text.trim())
  if (!match || (!time && match[4] !== undefined)) {
    return {
      ok: false,
      message: time ? 'Enter a date as YYYY-MM-DD, optionally with a time as HH:MM' : 'Enter a date as YYYY-MM-DD',
    }
  }
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', ms = '0', zone] = match
  const [year, month, day, hour, minute, second] = [y, mo, d, hh, mi, ss].map(Number)
  if (y.length !== 4 || year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: yearRangeMessage }
  if (month < 1 || month > 12) return { ok: false, message: `There is no month ${mo}: use 01 to 12` }
  const days = daysInMonth(year, month)
  if (day < 1 || day > days)
    return { ok: false, message: `${y}-${mo}-${d} does not exist: ${MONTHS[month - 1]} ${year} has ${days} days` }
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: 'Enter a time from 00:00 to 23:59' }
  let offsetMinutes = 0
  if (zone && zone !== 'Z') {
    const [oh, om] = zone.slice(1).split(':').map(Number)
    if (oh > 23 || om > 59) return { ok: false, message: 'Enter a time zone offset from -23:59 to +23:59' }
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0'))) - offsetMinutes * 60_000
  return { ok: true, date: new Date(utc) }
}

/** checkDate for URL parameters and other places where a bad value is simply ignored. */
export function parseInstant(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const checked = checkDate(value)
  return checked.ok ? checked.date : undefined
}

/** A Date a caller built in code (z.date() has already refused an invalid one), held to the same range. */
function checkDateObject(date: Date): DateCheck {
  const year = date.getUTCFullYear()
  return year < MIN_YEAR || year > MAX_YEAR ? { ok: false, message: yearRangeMessage } : { ok: true, date }
}

/**
 * A date (or, with `time`, a date and time) from a form field, or a Date already parsed (so an
 * action and the lib function behind it may both parse the input). Chain `.superRefine()` for
 * rules such as "in the future"; they only run on a real date.
 */
export function dateInput({ time = true, missing = 'Enter a date' }: { time?: boolean; missing?: string } = {}) {
  return z.union([z.string(), z.date()], { error: missing }).transform((value, ctx) => {
    const checked =
      value instanceof Date
        ? checkDateObject(value)
        : value.trim() === ''
          ? { ok: false as const, message: missing }
          : checkDate(value, { time })
    if (checked.ok) return checked.date
    ctx.addIssue({ code: 'custom', message: checked.message, continue: false })
    return z.NEVER
  })
}

/** `years` calendar years after `from` (Feb 29th becomes Mar 1st in a common year). */
export function addYears(from: Date, years: number): Date {
  const date = new Date(from.getTime())
  date.setUTCFullYear(date.getUTCFullYear() + years)
  return date
}

/** A month as "YYYY-MM" (what <input type="month"> posts), within the same years. */
export function isCalendarMonth(value: string): boolean {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value)
  return match !== null && Number(match[1]) >= MIN_YEAR && Number(match[1]) <= MAX_YEAR
}
