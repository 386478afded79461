import { z } from 'zod'
import { dateInput } from '@/lib/validation/dates'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { plainText, searchText } from '@/lib/validation/text'

// Input and output schemas for API keys. The output schema has no `hash` field: parsing a row
// through it is what guarantees a key's hash never reaches a page, an action result or a response.

const idSchema = idInput()

export const KEY_STATUSES = ['ACTIVE', 'GRACE', 'EXPIRED', 'REVOKED'] as const
export type KeyStatus = (typeof KEY_STATUSES)[number]

/** Grace periods offered on rotation, in seconds; 24 h is the default. */
export const GRACE_OPTIONS = [
  { seconds: 0, label: 'None (old key stops now)' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
] as const
export const DEFAULT_GRACE_SECONDS = 86_400
const CHOOSE_GRACE = 'Choose one of the offered grace periods'

// FormData sends "" for an empty date field and one string per ticked checkbox (or none at all).
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
const toArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value])

export const createKeySchema = z.object({
  name: plainText().min(2, 'Use at least 2 characters').max(60, 'Use at most 60 characters'),
  // The date input posts "2030-02-28" (00:00 UTC that day); API clients may send a full ISO time.
  expiresAt: z.preprocess(
    emptyToUndefined,
    dateInput({ missing: 'Enter a valid date' })
      .refine((date) => date.getTime() > Date.now(), 'Choose a date in the future')
      .optional(),
  ),
  subscriptionIds: z.preprocess(toArray, z.array(idSchema).max(100)).default([]),
})
export type CreateKeyInput = z.input<typeof createKeySchema>

export const rotateKeySchema = z.object({
  keyId: idSchema,
  graceSeconds: integerInput({
    min: 0,
    max: GRACE_OPTIONS.at(-1)!.seconds,
    invalid: CHOOSE_GRACE,
    tooSmall: CHOOSE_GRACE,
    tooLarge: CHOOSE_GRACE,
  })
    .refine((s) => GRACE_OPTIONS.some((o) => o.seconds === s), CHOOSE_GRACE)
    .default(DEFAULT_GRACE_SECONDS),
})
export type RotateKeyInput = z.input<typeof rotateKeySchema>

export const revokeKeySchema = z.object({ keyId: idSchema })
export type RevokeKeyInput = z.infer<typeof revokeKeySchema>

/** What the keys page shows once after a create or a rotation: the only time the value is readable. */
export type NewKey = { value: string; name: string; prefix: string; graceEndsAt?: string | null }

export const KEYS_PAGE_SIZE = 20

export const listKeysQuerySchema = z.object({
  q: searchText().max(100).optional().catch(undefined),
  page: integerInput({ min: 1, max: 10_000 }).catch(1).default(1),
})
export type ListKeysQuery = Partial<z.infer<typeof listKeysQuerySchema>> & { pageSize?: number }

export const apiKeyOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  env: z.string(),
  status: z.enum(KEY_STATUSES),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  graceEndsAt: z.date().nullable(),
  replacedById: z.string().nullable(),
  /** Empty means the key may use every ACTIVE subscription of its team. */
  restrictedTo: z.array(z.object({ subscriptionId: z.string(), apiName: z.string(), planName: z.string() })),
})
export type ApiKeyOutput = z.infer<typeof apiKeyOutputSchema>
