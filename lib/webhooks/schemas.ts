import { z } from 'zod'
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

export const webhookUrlSchema = z
  .string({ error: 'Enter the URL that receives the events' })
  .trim()
  .min(1, 'Enter the URL that receives the events')
  .max(2000, 'Use at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a full http:// or https:// URL' }))
  // Credentials in the URL would be shown in the console and in logs; use the signature instead.
  .refine((url) => !hasCredentials(url), 'Leave user and password out of the URL; verify the signature instead')

// zod runs refinements even after the URL check failed, so this must not throw on garbage.
function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url)
    return Boolean(parsed.username || parsed.password)
  } catch {
    return false
  }
}

export const setWebhookUrlSchema = z.object({ url: webhookUrlSchema })
export type SetWebhookUrlInput = z.infer<typeof setWebhookUrlSchema>

export const deliveryIdSchema = z.object({ deliveryId: idInput('Missing delivery') })

export const listDeliveriesQuerySchema = z.object({
  dstate: z.preprocess(blankToUndefined, z.enum(DELIVERY_STATES)).optional().catch(undefined),
  dpage: z.preprocess(first, integerInput({ min: 1, max: 10_000 })).catch(1).default(1),
})
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>

export function parseListDeliveriesQuery(searchParams: unknown): ListDeliveriesQuery {
  return listDeliveriesQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
}

export const webhookSettingsSchema = z.object({
  url: z.string().nullable(),
  hasSecret: z.boolean(),
  pending: z.number().int(),
  failed: z.number().int(),
})
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>
