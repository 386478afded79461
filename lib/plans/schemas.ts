import { z } from 'zod'

// Input schemas for plans. Prices come with billing; until then every plan is free (schema defaults).

// An empty rate-limit field posts "", which means "no limit" (null), distinct from "not sent".
const emptyToNull = (value: unknown) => (value === '' ? null : value)

// Defaults (MINUTE, AUTO, "") come from the Prisma schema, so a partial update never resets a field.
export const createPlanSchema = z.object({
  apiId: z.string().min(1),
  name: z.string().trim().min(2, 'Use at least 2 characters').max(60, 'Use at most 60 characters'),
  description: z.string().trim().max(500, 'Use at most 500 characters').optional(),
  rateLimit: z.preprocess(emptyToNull, z.coerce.number({ error: 'Enter a whole number' }).int('Enter a whole number').min(1, 'At least 1 request').max(1_000_000, 'At most 1000000').nullable().optional()),
  rateWindow: z.enum(['SECOND', 'MINUTE'], { error: 'Choose per second or per minute' }).optional(),
  approval: z.enum(['AUTO', 'MANUAL'], { error: 'Choose automatic or manual approval' }).optional(),
})
export type CreatePlanInput = z.input<typeof createPlanSchema>

export const updatePlanSchema = createPlanSchema.omit({ apiId: true }).partial().extend({ planId: z.string().min(1) })
export type UpdatePlanInput = z.input<typeof updatePlanSchema>

export const archivePlanSchema = z.object({ planId: z.string().min(1) })
