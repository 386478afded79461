import { describe, expect, test } from 'vitest'
import { decimalInput, integerInput, matchDecimal, parseStrictNumber } from './numbers'

const count = integerInput({ min: 1, max: 1000 })
const offset = integerInput({ min: -10, max: 10 })
const quota = integerInput({ min: 0, max: 1000 })
const ratio = decimalInput({ min: -1, max: 1 })

const outcome = (schema: typeof count, value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? result.data : result.error.issues.map((i) => i.message)
}

describe('a whole-number field', () => {
  test.each([
    ['hexadecimal', '0x10'],
    ['upper-case hexadecimal', '0X1F'],
    ['binary', '0b101'],
    ['octal', '0o17'],
    ['an exponent', '5e3'],
    ['an upper-case exponent', '1E2'],
    ['Infinity', 'Infinity'],
    ['-Infinity', '-Infinity'],
    ['NaN', 'NaN'],
    ['a space inside', '1 0'],
    ['a thousands separator', '1,000'],
    ['an underscore separator', '1_000'],
    ['a fraction', '1.5'],
    ['a bare decimal point', '5.'],
    ['a leading decimal point', '.5'],
    ['a sign alone', '-'],
    ['two signs', '--1'],
    ['trailing letters', '10abc'],
    ['full-width digits', '１０'],
    ['Arabic-Indic digits', '١٢'],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['a boolean', true],
    ['null', null],
    ['a NaN number', Number.NaN],
    ['an infinite number', Number.POSITIVE_INFINITY],
    ['a fractional number', 2.5],
  ])('refuses %s', (_label, value) => {
    expect(outcome(count, value)).toEqual(['Enter a whole number'])
  })

  test.each([
    ['10', 10],
    [' 10 ', 10],
    ['007', 7],
    ['+3', 3],
    ['3.0', 3],
    ['1000', 1000],
    [42, 42],
  ])('reads %j as %s', (value, expected) => {
    expect(outcome(count, value)).toBe(expected)
  })

  test('a negative number where one is allowed', () => {
    expect(outcome(offset, '-3')).toBe(-3)
    expect(outcome(offset, '-0')).toBe(0)
  })

  test.each([
    [count, '0', ['At least 1']],
    [count, '-3', ['At least 1']],
    [count, '1001', ['At most 1000']],
    [count, '9'.repeat(400), ['At most 1000']],
    [quota, '-3', ['Enter 0 or more']],
    [offset, '-11', ['At least -10']],
  ])('bounds: %#', (schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected)
  })

  test('the caller names its own messages', () => {
    const timeout = integerInput({
      min: 100,
      max: 300_000,
      invalid: 'Enter a number of milliseconds',
      notWhole: 'Enter whole milliseconds',
      tooSmall: 'At least 100 ms',
      tooLarge: 'At most 300000 ms',
    })
    expect(outcome(timeout, '0x10')).toEqual(['Enter a number of milliseconds'])
    expect(outcome(timeout, '150.5')).toEqual(['Enter whole milliseconds'])
    expect(outcome(timeout, '50')).toEqual(['At least 100 ms'])
    expect(outcome(timeout, '5e6')).toEqual(['Enter a number of milliseconds'])
  })

  test('a rule chained after it never adds a second message', () => {
    const even = count.refine((n) => n % 2 === 0, 'Use an even number')
    expect(even.safeParse('0x10').error?.issues.map((i) => i.message)).toEqual(['Enter a whole number'])
    expect(even.safeParse('2000').error?.issues.map((i) => i.message)).toEqual(['At most 1000'])
    expect(even.safeParse('3').error?.issues.map((i) => i.message)).toEqual(['Use an even number'])
  })
})

describe('a decimal field', () => {
  test.each([
    ['0.5', 0.5],
    ['-0.25', -0.25],
    ['1', 1],
    [' 0.125 ', 0.125],
    [0.5, 0.5],
  ])('reads %j as %s', (value, expected) => {
    expect(outcome(ratio, value)).toBe(expected)
  })

  test.each(['0x1', '5e-1', '.5', '0.5.1', '0,5', 'Infinity', '1 .5'])('refuses %j', (value) => {
    expect(outcome(ratio, value)).toEqual(['Enter a number such as 2.5'])
  })

  test('bounds', () => {
    expect(outcome(ratio, '1.5')).toEqual(['At most 1'])
  })
})

describe('matchDecimal and parseStrictNumber', () => {
  test('split a decimal without going through a float', () => {
    expect(matchDecimal('-12.50')).toEqual({ negative: true, whole: '12', fraction: '50' })
    expect(matchDecimal('12.5', { fraction: false })).toBeNull()
    expect(matchDecimal('0x10')).toBeNull()
  })

  test('whole numbers only when asked', () => {
    expect(parseStrictNumber('2.5')).toBe(2.5)
    expect(parseStrictNumber('2.5', { integer: true })).toBeUndefined()
    expect(parseStrictNumber('5e3')).toBeUndefined()
  })
})
