import { z } from 'zod'
import { dateInput } from '@/lib/validation/dates'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { plainText, searchText } from '@/lib/validation/text'
import { TOKEN_ACCESS } from './token-scopes'

// Input and output schemas for management tokens. The output has no `hash`: parsing a row
// through it is what keeps a token's hash out of every page and response.

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
// A checkbox posts "on" when ticked and nothing at all when not; JSON clients send booleans.
const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean())

export const createManagementTokenSchema = z.object({
  name: plainText().min(2, 'Use at least 2 characters').max(60, 'Use at most 60 characters'),
  access: z.enum(TOKEN_ACCESS, { error: 'Choose read or write' }),
  grantBilling: checkbox.default(false),
  grantAi: checkbox.default(false),
  expiresAt: z.preprocess(
    emptyToUndefined,
    dateInput({ missing: 'Enter a valid date' })
      .refine((date) => date.getTime() > Date.now(), 'Choose a date in the future')
      .optional(),
  ),
})
export type CreateManagementTokenInput = z.input<typeof createManagementTokenSchema>

export const revokeManagementTokenSchema = z.object({ tokenId: idInput() })
export type RevokeManagementTokenInput = z.infer<typeof revokeManagementTokenSchema>

export const MANAGEMENT_TOKENS_PAGE_SIZE = 20

export const listManagementTokensQuerySchema = z.object({
  tq: searchText().max(100).optional().catch(undefined),
  tpage: integerInput({ min: 1, max: 10_000 }).catch(1).default(1),
})
export type ListManagementTokensQuery = { q?: string; page?: number; pageSize?: number }

export const TOKEN_STATUSES = ['ACTIVE', 'EXPIRED', 'REVOKED'] as const

export const managementTokenOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']),
  access: z.enum(TOKEN_ACCESS),
  grantBilling: z.boolean(),
  grantAi: z.boolean(),
  status: z.enum(TOKEN_STATUSES),
  createdById: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
})
export type ManagementTokenOutput = z.infer<typeof managementTokenOutputSchema>

/** What the settings page shows once after a create: the only time the value is readable. */
export type NewManagementToken = { value: string; name: string; prefix: string }
