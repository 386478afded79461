import { describe, expect, test } from 'vitest'
import { addYears, checkDate, dateInput, isCalendarMonth, parseInstant } from './dates'

const day = dateInput({ time: false, missing: 'Pick a date' })
const moment = dateInput()

const outcome = (schema: typeof day, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? result.data.toISOString() : result.error.issues.map((i) => i.message)
}

describe('a calendar date', () => {
  test.each([
    ['February 30th', '2030-02-30', '2030-02-30 does not exist: February 2030 has 28 days'],
    ['February 29th in a common year', '2031-02-29', '2031-02-29 does not exist: February 2031 has 28 days'],
    ['February 29th in 2100 (not a leap year)', '2100-02-29', '2100-02-29 does not exist: February 2100 has 28 days'],
    ['April 31st', '2030-04-31', '2030-04-31 does not exist: April 2030 has 30 days'],
    ['day 00', '2030-01-00', '2030-01-00 does not exist: January 2030 has 31 days'],
    ['month 13', '2030-13-01', 'There is no month 13: use 01 to 12'],
    ['month 00', '2030-00-10', 'There is no month 00: use 01 to 12'],
    ['the year 275760', '275760-09-13', 'Choose a year from 2000 to 2100'],
    ['a five-digit year with a leading zero', '02030-01-01', 'Choose a year from 2000 to 2100'],
    ['an expanded year', '+275760-09-13', 'Enter a date as YYYY-MM-DD'],
    ['1999', '1999-12-31', 'Choose a year from 2000 to 2100'],
    ['2101', '2101-01-01', 'Choose a year from 2000 to 2100'],
    ['year 9999', '9999-12-31', 'Choose a year from 2000 to 2100'],
    ['one-digit month and day', '2030-2-3', 'Enter a date as YYYY-MM-DD'],
    ['slashes', '2030/02/03', 'Enter a date as YYYY-MM-DD'],
    ['no separators', '20300203', 'Enter a date as YYYY-MM-DD'],
    ['a word', 'tomorrow', 'Enter a date as YYYY-MM-DD'],
    ['epoch seconds', '1900000000', 'Enter a date as YYYY-MM-DD'],
    ['an English date', 'Feb 28 2030', 'Enter a date as YYYY-MM-DD'],
    ['a time where only a date is asked', '2030-02-28T10:00', 'Enter a date as YYYY-MM-DD'],
    ['an empty field', '', 'Pick a date'],
    ['an invalid Date object', new Date('nope'), 'Pick a date'],
    ['a Date object in the year 275760', new Date(8.64e15), 'Choose a year from 2000 to 2100'],
    ['a number', 1_900_000_000_000, 'Pick a date'],
  ])('refuses %s', (_label, value, message) => {
    expect(outcome(day, value)).toEqual([message])
  })

  test.each([
    ['a leap day', '2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2000 was a leap year', '2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['the last day of February', '2030-02-28', '2030-02-28T00:00:00.000Z'],
    ['the last day in range', '2100-12-31', '2100-12-31T00:00:00.000Z'],
    ['surrounding spaces', ' 2030-04-30 ', '2030-04-30T00:00:00.000Z'],
  ])('reads %s as midnight UTC', (_label, value, iso) => {
    expect(outcome(day, value)).toBe(iso)
  })

  test('a Date already parsed goes through unchanged (the action and the lib function both parse)', () => {
    const date = new Date('2030-02-28T00:00:00Z')
    expect(day.parse(day.parse('2030-02-28'))).toEqual(date)
  })
})

describe('a date and time (datetime-local and ISO 8601)', () => {
  test.each([
    ['datetime-local, read as UTC', '2030-02-28T10:00', '2030-02-28T10:00:00.000Z'],
    ['with seconds', '2030-02-28T10:00:30', '2030-02-28T10:00:30.000Z'],
    ['with milliseconds and Z', '2030-02-28T10:00:30.250Z', '2030-02-28T10:00:30.250Z'],
    ['with an offset', '2030-02-28T10:00+02:00', '2030-02-28T08:00:00.000Z'],
    ['with a negative offset across midnight', '2030-02-28T22:30-05:00', '2030-03-01T03:30:00.000Z'],
    ['a date alone', '2030-02-28', '2030-02-28T00:00:00.000Z'],
  ])('reads %s', (_label, value, iso) => {
    expect(outcome(moment, value)).toBe(iso)
  })

  test.each([
    ['hour 24', '2030-02-28T24:00', 'Enter a time from 00:00 to 23:59'],
    ['minute 60', '2030-02-28T23:60', 'Enter a time from 00:00 to 23:59'],
    ['second 60', '2030-02-28T10:00:60', 'Enter a time from 00:00 to 23:59'],
    ['an impossible day with a time', '2030-02-30T10:00', '2030-02-30 does not exist: February 2030 has 28 days'],
    ['an offset of 24 hours', '2030-02-28T10:00+24:00', 'Enter a time zone offset from -23:59 to +23:59'],
    ['a space instead of T', '2030-02-28 10:00', 'Enter a date as YYYY-MM-DD, optionally with a time as HH:MM'],
  ])('refuses %s', (_label, value, message) => {
    expect(outcome(moment, value)).toEqual([message])
  })

  test('parseInstant ignores what it cannot read', () => {
    expect(parseInstant('2030-02-30T10:00Z')).toBeUndefined()
    expect(parseInstant(undefined)).toBeUndefined()
    expect(parseInstant('2030-02-28T10:00Z')?.toISOString()).toBe('2030-02-28T10:00:00.000Z')
  })

  test('checkDate explains, parseInstant does not', () => {
    expect(checkDate('2031-02-29')).toEqual({
      ok: false,
      message: '2031-02-29 does not exist: February 2031 has 28 days',
    })
  })
})

describe('helpers', () => {
  test('addYears keeps the day, and a leap day moves to March 1st', () => {
    expect(addYears(new Date('2026-05-17T12:00:00Z'), 10).toISOString()).toBe('2036-05-17T12:00:00.000Z')
    expect(addYears(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe('2029-03-01T00:00:00.000Z')
  })

  test.each([
    ['2030-02', true],
    ['2100-12', true],
    ['2030-13', false],
    ['2030-00', false],
    ['2999-01', false],
    ['1999-12', false],
    ['2030-2', false],
  ])('month %s: %s', (value, valid) => {
    expect(isCalendarMonth(value)).toBe(valid)
  })
})
