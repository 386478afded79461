import { z } from 'zod'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { plainText, searchText } from '@/lib/validation/text'

// Input and output schemas for subscriptions. FormData sends strings; ids are opaque prefixed strings.

const idSchema = idInput()
// The reason is shown to the consumer team; it may span lines.
const reasonSchema = plainText({ multiline: true })
  .min(3, 'Give a reason of at least 3 characters')
  .max(500, 'Use at most 500 characters')

export const SUBSCRIPTION_STATES = ['PENDING', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'CANCELLED'] as const
export type SubscriptionStateName = (typeof SUBSCRIPTION_STATES)[number]

/** A consumer team is still "on" an API in these states, so it may not subscribe again. */
export const LIVE_STATES = ['PENDING', 'ACTIVE', 'SUSPENDED'] as const satisfies readonly SubscriptionStateName[]

export const subscribeSchema = z.object({ apiId: idSchema, planId: idInput('Choose a plan') })
export type SubscribeInput = z.infer<typeof subscribeSchema>

export const approveSubscriptionSchema = z.object({ subscriptionId: idSchema })
export const rejectSubscriptionSchema = approveSubscriptionSchema.extend({ reason: reasonSchema })
export const suspendSubscriptionSchema = rejectSubscriptionSchema
export const cancelSubscriptionSchema = approveSubscriptionSchema
export type SubscriptionIdInput = z.infer<typeof approveSubscriptionSchema>
export type SubscriptionDecisionInput = z.infer<typeof rejectSubscriptionSchema>

export const SUBSCRIPTIONS_PAGE_SIZE = 20

/** The list pages' search params; anything malformed falls back to the default. */
export const listSubscriptionsQuerySchema = z.object({
  q: searchText().max(100).optional().catch(undefined),
  state: z.enum(SUBSCRIPTION_STATES).optional().catch(undefined),
  page: integerInput({ min: 1, max: 10_000 }).catch(1).default(1),
})
export type ListSubscriptionsQuery = Partial<z.infer<typeof listSubscriptionsQuerySchema>> & { pageSize?: number }

/** What the catalog's subscribe form shows after a success. */
export type SubscribeResult = { state: string; planName: string; teamSlug: string }

const teamRef = z.object({ id: z.string(), slug: z.string(), name: z.string() })

/** What leaves lib/subscriptions: plain fields only, parsed so nothing else rides along. */
export const subscriptionOutputSchema = z.object({
  id: z.string(),
  state: z.enum(SUBSCRIPTION_STATES),
  reason: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  api: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  plan: z.object({
    id: z.string(),
    name: z.string(),
    approval: z.enum(['AUTO', 'MANUAL']),
    rateLimit: z.number().nullable(),
    rateWindow: z.enum(['SECOND', 'MINUTE']),
  }),
  ownerTeam: teamRef,
  consumerTeam: teamRef,
})
export type SubscriptionOutput = z.infer<typeof subscriptionOutputSchema>
