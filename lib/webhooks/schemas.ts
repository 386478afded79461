import { z } from 'zod'
import { outboundUrlSchema } from '@/lib/net/check-outbound-url'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'

// Webhook settings input, the deliveries list's params, and the settings output. The output
// schema has no secret field: parsing through it is what keeps the signing secret (and its
// ciphertext) out of every page and action result after the one response that creates it.

export const DELIVERIES_PAGE_SIZE = 20
export const DELIVERY_STATES = ['PENDING', 'DELIVERED', 'FAILED'] as const

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const blankToUndefined = (value: unknown) => {
  const v = first(value)
  return typeof v === 'string' && v.trim() === '' ? undefined : v
}

// The URL's shape; where it points (resolved, no private or metadata address) is checked by
// setWebhookUrl, and again on every connection the dispatcher opens.
export const webhookUrlSchema = outboundUrlSchema({
  empty: 'Enter the URL that receives the events',
  not_a_url: 'Enter a full http:// or https:// URL',
  scheme: 'Enter a full http:// or https:// URL',
  // Credentials in the URL would be shown in the console and in logs; use the signature instead.
  credentials: 'Leave user and password out of the URL; verify the signature instead',
})

export const setWebhookUrlSchema = z.object({ url: webhookUrlSchema })
export type SetWebhookUrlInput = z.infer<typeof setWebhookUrlSchema>

export const deliveryIdSchema = z.object({ deliveryId: idInput('Missing delivery') })
export type DeliveryIdInput = z.infer<typeof deliveryIdSchema>

export const listDeliveriesQuerySchema = z.object({
  dstate: z.preprocess(blankToUndefined, z.enum(DELIVERY_STATES)).optional().catch(undefined),
  dpage: z
    .preprocess(first, integerInput({ min: 1, max: 10_000 }))
    .catch(1)
    .default(1),
})
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>

export function parseListDeliveriesQuery(searchParams: unknown): ListDeliveriesQuery {
  return listDeliveriesQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
}

/** The settings form's result: the secret only when this save created the team's first one. */
export type WebhookUrlResult = { url: string | null; secret: string | null }

export const webhookSettingsSchema = z.object({
  url: z.string().nullable(),
  hasSecret: z.boolean(),
  pending: z.number().int(),
  failed: z.number().int(),
})
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>
