import { z } from 'zod'
import { decimalToMicros, MICROS_PER_UNIT, microsToDecimal } from '@/lib/billing/money'

// Prices arrive as decimal strings in currency units ("0.002") and leave as bigint micro-units;
// they are never parsed through a float. Plans and AI models price with the same rule.

export const MAX_PRICE_MICROS = 1_000_000n * MICROS_PER_UNIT

// An empty price field means 0.
const emptyToZero = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? '0' : value)

/**
 * A price in currency units: at least 0, at most 6 decimals, each mistake with its own message.
 * Parsing is idempotent (an already-parsed bigint goes round again as its decimal), because the
 * action wrapper parses the form and the lib function parses its input once more.
 */
export const priceInput = z.preprocess(
  (value) => (typeof value === 'bigint' ? microsToDecimal(value) : emptyToZero(value)),
  z
    .string({ error: 'Enter a price such as 0.002' })
    .trim()
    .superRefine((value, ctx) => {
      if (/^-/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'Enter 0 or more' })
      if (!/^\d+(\.\d+)?$/.test(value))
        return void ctx.addIssue({ code: 'custom', message: 'Enter a price such as 0.002' })
      if (/\.\d{7,}$/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'Use at most 6 decimal places' })
      if (/^\d{8,}/.test(value) || decimalToMicros(value) > MAX_PRICE_MICROS)
        ctx.addIssue({ code: 'custom', message: 'At most 1000000' })
    })
    .transform((value) => decimalToMicros(value)),
)
