import { z } from 'zod'
import { MAX_PRICE_MICROS, priceInput } from '@/lib/validation/price'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { plainText } from '@/lib/validation/text'

// Input schemas for plans. Prices use lib/validation/price (decimal strings in, bigint micros out).

// An empty rate-limit field posts "", which means "no limit" (null), distinct from "not sent".
const emptyToNull = (value: unknown) => (value === '' ? null : value)
export { MAX_PRICE_MICROS }

// An empty quota field means 0.
const emptyToZero = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? '0' : value)
// The form posts a hidden "false" before the checkbox, so an unticked box still says so and a
// ticked one posts ["false", "true"]: the last value wins.
const lastValue = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value)

export const MAX_FREE_CALLS_PER_MONTH = 1_000_000_000

const checkbox = z.preprocess((value) => {
  const last = lastValue(value)
  return last === 'on' || last === 'true' || last === true
}, z.boolean())

// Defaults (MINUTE, AUTO, "", free) come from the Prisma schema, so a partial update never resets a field.
export const createPlanSchema = z.object({
  apiId: idInput(),
  name: plainText().min(2, 'Use at least 2 characters').max(60, 'Use at most 60 characters'),
  description: plainText().max(500, 'Use at most 500 characters').optional(),
  rateLimit: z.preprocess(
    emptyToNull,
    integerInput({ min: 1, max: 1_000_000, tooSmall: 'At least 1 request' }).nullable().optional(),
  ),
  rateWindow: z.enum(['SECOND', 'MINUTE'], { error: 'Choose per second or per minute' }).optional(),
  approval: z.enum(['AUTO', 'MANUAL'], { error: 'Choose automatic or manual approval' }).optional(),
  paid: checkbox.optional(),
  currency: z
    .preprocess(
      (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
      z
        .string({ error: 'Use a 3-letter currency code such as USD' })
        .regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code such as USD'),
    )
    .optional(),
  pricePerCall: priceInput.optional(),
  pricePerMInput: priceInput.optional(),
  pricePerMOutput: priceInput.optional(),
  freeCallsPerMonth: z.preprocess(emptyToZero, integerInput({ min: 0, max: MAX_FREE_CALLS_PER_MONTH })).optional(),
  // AI APIs: input + output tokens per minute per subscription; empty means unlimited (null).
  tokensPerMinute: z.preprocess(
    emptyToNull,
    integerInput({ min: 1, max: 1_000_000_000, tooSmall: 'At least 1 token' }).nullable().optional(),
  ),
})
export type CreatePlanInput = z.input<typeof createPlanSchema>

export const updatePlanSchema = createPlanSchema.omit({ apiId: true }).partial().extend({ planId: idInput() })
export type UpdatePlanInput = z.input<typeof updatePlanSchema>

export const archivePlanSchema = z.object({ planId: idInput() })
export type ArchivePlanInput = z.input<typeof archivePlanSchema>
