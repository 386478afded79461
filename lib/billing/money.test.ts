import { describe, expect, test } from 'vitest'
import { decimalToMicros, formatCents, formatMicros, microsToDecimal } from './money'

// Amounts are parsed from the typed decimal straight to integer micro-units, never through
// Number(): "0x10" and "5e3" are refused, not read as 16 and 5000.
describe('decimalToMicros', () => {
  test.each([
    ['12.50', 12_500_000n],
    ['0.5', 500_000n],
    ['0.000001', 1n],
    ['-3', -3_000_000n],
    [' 7 ', 7_000_000n],
    ['999999999999.999999', 999_999_999_999_999_999n],
  ])('%j → %s micros', (input, micros) => {
    expect(decimalToMicros(input)).toBe(micros)
  })

  test.each([
    '0x10',
    '5e3',
    '1E2',
    'Infinity',
    'NaN',
    '1 0',
    '1,5',
    '.5',
    '5.',
    '+5',
    '0.0000001',
    '1000000000000',
    '１０',
    '',
  ])('refuses %j', (input) => {
    expect(() => decimalToMicros(input)).toThrow(RangeError)
  })

  test('round-trips through microsToDecimal', () => {
    expect(decimalToMicros(microsToDecimal(1_234_567n))).toBe(1_234_567n)
  })
})

// One rule: summaries in cents, the exact micro-units in the ledger and on hover.
describe('formatCents and formatMicros', () => {
  test.each([
    [550_656_000n, '$550.66', '$550.656'],
    [-1_160_000n, '-$1.16', '-$1.16'],
    [-108_000n, '-$0.11', '-$0.108'],
    [3_600n, '$0.00', '$0.0036'],
    [5_000n, '$0.01', '$0.005'],
    [-4_999n, '$0.00', '-$0.004999'],
    [1_234_567_890_000n, '$1,234,567.89', '$1,234,567.89'],
  ])('%s micros: %s in a summary, %s exactly', (micros, cents, exact) => {
    expect(formatCents(micros)).toBe(cents)
    expect(formatMicros(micros)).toBe(exact)
  })
})
