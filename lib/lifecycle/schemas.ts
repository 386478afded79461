import { z } from 'zod'
import { addYears, dateInput } from '@/lib/validation/dates'
import { idInput } from '@/lib/validation/ids'
import { plainText } from '@/lib/validation/text'

// Input schemas for lifecycle transitions. Checkboxes post "on" or nothing at all.

/** A sunset further ahead than this is a typo (or a way to deprecate without ever retiring). */
export const MAX_SUNSET_YEARS = 10

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean())
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
// Reasons are recorded in the lifecycle history; they may span lines.
const optionalText = (max: number) =>
  plainText({ multiline: true })
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((value) => value || undefined)

export const publishVersionSchema = z.object({
  versionId: idInput(),
  override: checkbox.default(false),
  overrideReason: optionalText(500),
})

export const deprecateVersionSchema = z.object({
  versionId: idInput(),
  // A date input posts "2026-12-01", which becomes midnight UTC. The earliest allowed sunset
  // (LIFECYCLE_MIN_SUNSET_DAYS ahead) is checked by the state machine with the server's clock.
  sunsetAt: dateInput({ missing: 'Pick a sunset date' }).superRefine((date, ctx) => {
    const latest = addYears(new Date(), MAX_SUNSET_YEARS)
    if (date > latest) {
      ctx.addIssue({
        code: 'custom',
        message: `Choose a sunset within ${MAX_SUNSET_YEARS} years (${latest.toISOString().slice(0, 10)} at the latest)`,
      })
    }
  }),
  successorId: z.preprocess(emptyToUndefined, idInput().optional()),
  reason: optionalText(500),
})

export const retireVersionSchema = z.object({
  versionId: idInput(),
  reason: optionalText(500),
})

// What the lifecycle functions take: the schemas' parsed output, with the optional fields optional
// (the server actions pass the parsed form, so the compiler checks the two agree).
export type PublishVersionInput = { versionId: string; override?: boolean; overrideReason?: string }
export type DeprecateVersionInput = { versionId: string; sunsetAt: Date; successorId?: string; reason?: string }
export type RetireVersionInput = { versionId: string; reason?: string }

/** The owner's notice to the teams that called a version in the last 7 days. */
export const notifyVersionCallersSchema = z.object({
  versionId: idInput(),
  message: optionalText(500),
})
export type NotifyVersionCallersValues = z.output<typeof notifyVersionCallersSchema>
