import { z } from 'zod'

// Input schemas for lifecycle transitions. Checkboxes post "on" or nothing at all.

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`).optional().transform((value) => value || undefined)

export const publishVersionSchema = z.object({
  versionId: z.string().min(1),
  override: checkbox.default(false),
  overrideReason: optionalText(500),
})

export const deprecateVersionSchema = z.object({
  versionId: z.string().min(1),
  // A date input posts "2026-12-01", which becomes midnight UTC.
  sunsetAt: z.coerce.date({ error: 'Pick a sunset date' }),
  successorId: z.string().optional().transform((value) => value || undefined),
  reason: optionalText(500),
})

export const retireVersionSchema = z.object({
  versionId: z.string().min(1),
  reason: optionalText(500),
})
