import { z } from 'zod'
import { invalid } from '@/lib/errors/app-error'
import { fieldErrorsOf } from '@/lib/errors/field-errors'
import { isCalendarMonth } from '@/lib/validation/dates'
import { integerInput } from '@/lib/validation/numbers'
import { plainText, searchText } from '@/lib/validation/text'
import { decimalToMicros, MICROS_PER_UNIT } from './money'
import { utcMonth } from './month'

// Input schemas for the billing page. Amounts arrive as decimal strings in currency units and
// leave as bigint micro-units; they are never parsed through a float.

export const MAX_TOP_UP_MICROS = 100_000n * MICROS_PER_UNIT
/** Below this a card charge costs more in fees than it adds (and $0.001 top-ups read as a mistake). */
export const MIN_TOP_UP_MICROS = 5n * MICROS_PER_UNIT
export const MAX_BUDGET_MICROS = 1_000_000_000n * MICROS_PER_UNIT
export const MAX_CREDIT_LIMIT_MICROS = 1_000_000n * MICROS_PER_UNIT

/** A decimal amount in currency units, checked step by step so each mistake gets its own message. */
function amountSchema({
  min,
  max,
  maxLabel,
  allowZero,
  least,
}: {
  min: string
  max: bigint
  maxLabel: string
  allowZero: boolean
  /** A minimum amount above zero, with its message ("5 per top-up"). */
  least?: { micros: bigint; label: string }
}) {
  return z
    .string({ error: 'Enter an amount' })
    .trim()
    .min(1, 'Enter an amount')
    .superRefine((value, ctx) => {
      if (!/^\d+(\.\d+)?$/.test(value))
        return void ctx.addIssue({ code: 'custom', message: 'Enter a number such as 25 or 25.50' })
      if (/\.\d{7,}$/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'Use at most 6 decimal places' })
      if (/^\d{13,}/.test(value)) return void ctx.addIssue({ code: 'custom', message: `At most ${maxLabel}` })
      const micros = decimalToMicros(value)
      if (least && micros < least.micros)
        return void ctx.addIssue({ code: 'custom', message: `At least ${least.label}` })
      if (micros === 0n && !allowZero) return void ctx.addIssue({ code: 'custom', message: `Enter more than ${min}` })
      if (micros > max) ctx.addIssue({ code: 'custom', message: `At most ${maxLabel}` })
    })
    .transform((value) => decimalToMicros(value))
}

// FormData posts "" for an empty field; for the budget that means "no budget".
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value)

export const topUpSchema = z.object({
  amount: amountSchema({
    min: '0',
    max: MAX_TOP_UP_MICROS,
    maxLabel: '100000 per top-up',
    allowZero: false,
    least: { micros: MIN_TOP_UP_MICROS, label: '5 per top-up' },
  }),
  // Generated once per form render, so a double-submit carries the same key and tops up once.
  idempotencyKey: z
    .string({ error: 'Reload the page and try again' })
    .regex(/^[\w-]{8,100}$/, 'Reload the page and try again'),
})
export type TopUpInput = z.input<typeof topUpSchema>

export const updatePaymentMethodSchema = z.object({
  // Card numbers (sandbox) or provider tokens such as Stripe's pm_... ids; the provider decides.
  cardNumber: plainText().min(1, 'Enter a card number').max(64, 'That is too long'),
})
export type UpdatePaymentMethodInput = z.input<typeof updatePaymentMethodSchema>

const thresholdsSchema = z
  .string()
  .trim()
  .max(200, 'That is too long')
  .superRefine((value, ctx) => {
    if (value === '') return
    const parts = value.split(',').map((part) => part.trim())
    if (parts.some((part) => !/^\d{1,4}$/.test(part) || Number(part) < 1 || Number(part) > 1000)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Use whole percentages from 1 to 1000, separated by commas, e.g. 80,100',
      })
    } else if (new Set(parts.map(Number)).size > 10) {
      ctx.addIssue({ code: 'custom', message: 'At most 10 thresholds' })
    }
  })
  // Stored sorted and without duplicates, the form the gateway's alert check expects.
  .transform((value) =>
    value === '' ? '' : [...new Set(value.split(',').map((p) => Number(p.trim())))].sort((a, b) => a - b).join(','),
  )

export const updateBillingSettingsSchema = z.object({
  monthlyBudget: z.preprocess(
    emptyToNull,
    amountSchema({ min: '0', max: MAX_BUDGET_MICROS, maxLabel: '1000000000', allowZero: false }).nullable(),
  ),
  alertThresholds: z.preprocess((value) => value ?? '', thresholdsSchema),
  creditLimit: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? '0' : (value ?? '0')),
    amountSchema({ min: '0', max: MAX_CREDIT_LIMIT_MICROS, maxLabel: '1000000', allowZero: true }),
  ),
})
export type UpdateBillingSettingsInput = z.input<typeof updateBillingSettingsSchema>

/** What a billing form shows after a success. */
export type BillingActionData = { message: string }

export const LEDGER_PAGE_SIZE = 25
export const SUBSCRIPTION_USAGE_PAGE_SIZE = 10

/** A page of a searchable billing list (the ledger, the paid subscriptions). */
export type BillingListQuery = { q?: string; page?: number; pageSize?: number }

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

// Page search params: a bad value falls back to its default, never a 500.
export const billingPageQuerySchema = z.object({
  q: z.preprocess(first, searchText().max(100)).optional().catch(undefined),
  page: z
    .preprocess(first, integerInput({ min: 1, max: 100_000 }))
    .catch(1)
    .default(1),
  month: z.preprocess(first, z.string().refine(isCalendarMonth)).optional().catch(undefined),
  // The paid-subscriptions table has its own search and page, so paging it keeps the ledger's place.
  sq: z.preprocess(first, searchText().max(100)).optional().catch(undefined),
  sp: z
    .preprocess(first, integerInput({ min: 1, max: 100_000 }))
    .catch(1)
    .default(1),
})

export function parseBillingPageQuery(searchParams: unknown, now = Date.now()) {
  const parsed = billingPageQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
  return {
    q: parsed.q || undefined,
    page: parsed.page,
    month: parsed.month ?? utcMonth(now),
    sq: parsed.sq || undefined,
    sp: parsed.sp,
  }
}

/** Parses action input and turns a failure into a 422 carrying the per-field messages. */
export function parseBillingInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw invalid('Please correct the highlighted fields', fieldErrorsOf(parsed.error), 'validation_failed')
}
