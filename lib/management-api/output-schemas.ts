import { z } from 'zod'
import { PAYMENT_CAUSES } from '@/lib/incidents/causes'

// The answers of the routes whose lib functions return rows or plain types rather than parsing an
// output schema: plans, billing, incidents and the call log, as /api/v1 writes them (dates as ISO
// strings, bigint micro-units as decimal strings). They document the answers only; the handlers
// answer what the console's functions return, and openapi-answers.test.ts validates real answers
// against the generated document, so these cannot drift from the rows unnoticed.

/** A bigint amount in micro-units, written as a decimal string; negative for charges. */
const MICROS = { pattern: '^-?\\d+$', description: 'Micro-units, as a string' }
const micros = z.bigint().meta({ type: 'string', ...MICROS })
const nullableMicros = z
  .bigint()
  .nullable()
  .meta({ type: ['string', 'null'], ...MICROS })
const ref = z.object({ id: z.string(), name: z.string(), slug: z.string() })

export const planOutputSchema = z
  .object({
    id: z.string(),
    apiId: z.string(),
    teamId: z.string(),
    name: z.string(),
    description: z.string(),
    rateLimit: z.number().int().nullable(),
    rateWindow: z.enum(['SECOND', 'MINUTE']),
    approval: z.enum(['AUTO', 'MANUAL']),
    paid: z.boolean(),
    currency: z.string(),
    pricePerCallMicros: micros,
    pricePerMInputMicros: micros,
    pricePerMOutputMicros: micros,
    freeCallsPerMonth: z.number().int(),
    tokensPerMinute: z.number().int().nullable(),
    archivedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Plan' })

export const billingAccountOutputSchema = z
  .object({
    currency: z.string(),
    balanceMicros: micros,
    creditLimitMicros: micros,
    availableMicros: micros,
    monthlyBudgetMicros: nullableMicros,
    alertThresholds: z.string().meta({ description: 'Percentages of the budget, comma-separated' }),
    month: z.string(),
    spendMicros: micros,
    budgetUsedPercent: z.number().nullable(),
    paymentMethodStatus: z.enum(['NONE', 'VALID', 'EXPIRED', 'FAILED']),
    paymentMethodLabel: z.string().nullable(),
  })
  .meta({ id: 'BillingAccount' })

export const ledgerEntryOutputSchema = z
  .object({
    id: z.string(),
    createdAt: z.date(),
    kind: z.enum(['TOP_UP', 'CHARGE', 'REFUND', 'ADJUSTMENT']),
    amountMicros: micros,
    currency: z.string(),
    description: z.string(),
    apiId: z.string().nullable(),
    apiLabel: z.string().nullable(),
  })
  .meta({ id: 'LedgerEntry' })

export const statementOutputSchema = z
  .object({
    month: z.string(),
    from: z.date(),
    to: z.date(),
    currency: z.string(),
    lines: z.array(
      z.object({
        apiId: z.string().nullable(),
        planId: z.string().nullable(),
        apiLabel: z.string().nullable(),
        planName: z.string().nullable(),
        calls: z.number().int(),
        entries: z.number().int(),
        amountMicros: micros,
      }),
    ),
    totalMicros: micros,
    topUpsMicros: micros,
  })
  .meta({ id: 'Statement' })

export const incidentOutputSchema = z
  .object({
    id: z.string(),
    cause: z.enum(PAYMENT_CAUSES),
    state: z.enum(['OPEN', 'RESOLVED']),
    firstSeenAt: z.date(),
    lastSeenAt: z.date(),
    blockedCalls: z.number().int(),
    blockedRevenueMicros: micros,
    resolution: z.string().nullable(),
    resolvedAt: z.date().nullable(),
    api: ref,
    ownerTeam: ref,
    consumerTeam: ref,
  })
  .meta({ id: 'Incident' })

export const callOutputSchema = z
  .object({
    id: z.string(),
    requestId: z.string(),
    createdAt: z.date(),
    method: z.string(),
    path: z.string(),
    status: z.number().int(),
    errorCode: z.string().nullable(),
    latencyMs: z.number(),
    requestBytes: z.number().int(),
    responseBytes: z.number().int(),
    apiId: z.string().nullable(),
    apiName: z.string().nullable(),
    versionId: z.string().nullable(),
    version: z.string().nullable(),
    keyPrefix: z.string().nullable(),
    model: z.string().nullable(),
    provider: z.string().nullable(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    costMicros: micros,
    usageEstimated: z.boolean(),
  })
  .meta({ id: 'Call' })
