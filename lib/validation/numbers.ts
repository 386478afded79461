import { z } from 'zod'

// Numbers typed into forms arrive as strings. z.coerce.number() is JavaScript's Number(), which
// reads "0x10" as 16, "5e3" as 5000, "Infinity" as Infinity and " " as 0: none of them what a
// person typed. These parsers read plain decimal notation only: an optional sign, ASCII digits,
// and (where allowed) one fraction part. Whitespace around the number is ignored, inside it is not.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/

export type DecimalParts = { negative: boolean; whole: string; fraction: string }

/**
 * The parts of a plain decimal ("-12.50" → { negative: true, whole: "12", fraction: "50" }), or
 * null for anything else: hex, exponents, Infinity, inner whitespace, "1,000", ".5", "5.".
 */
export function matchDecimal(text: string, { fraction = true }: { fraction?: boolean } = {}): DecimalParts | null {
  const match = DECIMAL.exec(text.trim())
  if (!match || (!fraction && match[3] !== undefined)) return null
  return { negative: match[1] === '-', whole: match[2], fraction: match[3] ?? '' }
}

/** A strict decimal (with `integer`, one that is whole: "3" or "3.0") as a JS number; undefined when not one. */
export function parseStrictNumber(value: unknown, { integer = false }: { integer?: boolean } = {}): number | undefined {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string') {
    const parts = matchDecimal(value)
    if (!parts) return undefined
    n = Number(`${parts.negative ? '-' : ''}${parts.whole}.${parts.fraction || '0'}`)
  } else return undefined
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined
  return n === 0 ? 0 : n // no -0
}

type Bounds = {
  min: number
  max: number
  /** When the text is not a number at all (or has a fraction, for whole numbers). */
  invalid?: string
  /** A whole-number field given "1.5"; defaults to `invalid`. */
  notWhole?: string
  tooSmall?: string
  tooLarge?: string
}

function numberInput(
  integer: boolean,
  {
    min,
    max,
    invalid = integer ? 'Enter a whole number' : 'Enter a number such as 2.5',
    notWhole,
    tooSmall,
    tooLarge,
  }: Bounds,
) {
  return z.union([z.string(), z.number()], { error: invalid }).transform((value, ctx) => {
    // continue: false, so a rule chained after this (a .refine) never adds a second message.
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message, continue: false })
      return z.NEVER
    }
    const small = tooSmall ?? (min === 0 ? 'Enter 0 or more' : `At least ${min}`)
    const large = tooLarge ?? `At most ${max}`
    const n = parseStrictNumber(value, { integer })
    if (n === undefined) {
      const parts = typeof value === 'string' ? matchDecimal(value) : null
      // 400 digits are a number, just far too large for a double: say so, not "not a number".
      if (parts && !Number.isFinite(Number(parts.whole))) return fail(parts.negative ? small : large)
      return fail(integer && parts ? (notWhole ?? invalid) : invalid)
    }
    if (n < min) return fail(small)
    if (n > max) return fail(large)
    return n
  })
}

/**
 * A whole number within [min, max] from a form field (a string) or a JSON number. A negative
 * sign is read, so "-3" in a field with min 1 gets the "at least" message, not "not a number".
 */
export function integerInput(bounds: Bounds) {
  return numberInput(true, bounds)
}

/** A decimal number within [min, max], e.g. "0.5". Money does not use this: see lib/billing/money.ts. */
export function decimalInput(bounds: Bounds) {
  return numberInput(false, bounds)
}
