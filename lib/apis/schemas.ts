import { z } from 'zod'
import { outboundUrlSchema } from '@/lib/net/check-outbound-url'
import { maxOpenApiBytes } from '@/lib/openapi/openapi-limits.mjs'
import { tooLargeMessage } from '@/lib/openapi/parse-openapi-source.mjs'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { findForbiddenCharacter, forbiddenCharacterMessage, plainText, searchText } from '@/lib/validation/text'

// Input schemas for APIs and their versions. FormData sends strings, so numbers use the strict
// parsers of lib/validation (never Number()) and optional fields treat "" as unset.

export const API_KINDS = ['REST', 'AI_CHAT', 'AI_PROMPT'] as const
export const VISIBILITIES = ['PRIVATE', 'INTERNAL'] as const

// Slugs are part of every gateway URL (/gw/<team>/<api>/...), so they stay URL-safe.
export const apiSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters')
  .max(48, 'Use at most 48 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens (no hyphen at either end)')

const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/

/**
 * "payments, Billing ,payments" → ["billing", "payments"]; a multi-select's array works too.
 * Every message lands on the `tags` field itself (not "tags.0"), where the form shows it.
 */
export const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => {
    const parts = (Array.isArray(value) ? value : value.split(','))
      .map((tag) => tag.normalize('NFC').trim().toLowerCase())
      .filter(Boolean)
    return [...new Set(parts)].sort()
  })
  .superRefine((tags, ctx) => {
    for (const tag of tags) {
      const found = findForbiddenCharacter(tag)
      if (found) return void ctx.addIssue({ code: 'custom', message: forbiddenCharacterMessage(found) })
      if (!TAG.test(tag))
        return void ctx.addIssue({
          code: 'custom',
          message: 'Tags use lowercase letters, digits and hyphens (up to 32 characters)',
        })
    }
    if (tags.length > 10) ctx.addIssue({ code: 'custom', message: 'Use at most 10 tags' })
  })

export const createApiSchema = z.object({
  name: plainText().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters'),
  slug: apiSlugSchema,
  // No zod defaults: the Prisma schema holds them (INTERNAL, REST, ""), so the derived update
  // schema never resets a field the form did not send.
  description: plainText({ multiline: true }).max(2000, 'Use at most 2000 characters').optional(),
  tags: tagsSchema.optional(),
  visibility: z.enum(VISIBILITIES, { error: 'Choose a visibility' }).optional(),
  kind: z.enum(API_KINDS, { error: 'Choose a kind' }).optional(),
})
export type CreateApiInput = z.input<typeof createApiSchema>

// The slug and kind are fixed after creation: consumers already call the slug's gateway URL.
export const updateApiSchema = createApiSchema
  .pick({ name: true, description: true, tags: true, visibility: true })
  .partial()
  .extend({ apiId: idInput() })
export type UpdateApiInput = z.input<typeof updateApiSchema>

/** v1, v2, v2.1, v3.0.1: the number after "v" is the major the breaking-change rule compares. */
export const versionLabelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^v\d{1,4}(?:\.\d{1,4}){0,2}$/, 'Use a label like v1, v2 or v2.1')

export function majorOf(label: string): number {
  return Number(/^v(\d+)/.exec(label)?.[1] ?? 0)
}

// The URL's shape only (http/https, 2048 characters, no credentials): where it points is checked
// with a DNS lookup when it is saved (assertOutboundUrl in create-version / update-draft-version).
const upstreamUrlSchema = outboundUrlSchema()

const timeoutMsSchema = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  integerInput({
    min: 100,
    max: 300_000,
    invalid: 'Enter a number of milliseconds',
    notWhole: 'Enter whole milliseconds',
    tooSmall: 'At least 100 ms',
    tooLarge: 'At most 300000 ms (5 minutes)',
  }).optional(),
)

export const createVersionSchema = z.object({
  apiId: idInput(),
  version: versionLabelSchema,
  upstreamUrl: upstreamUrlSchema,
  openapi: z
    .string()
    .min(1, 'Paste, upload or import the OpenAPI document')
    // The limit is the operator's (OPENAPI_MAX_MB), read when the input is checked.
    .superRefine((text, ctx) => {
      const max = maxOpenApiBytes()
      if (text.length > max || Buffer.byteLength(text, 'utf8') > max)
        ctx.addIssue({ code: 'custom', message: tooLargeMessage(max) })
    }),
  // Unset means the schema default (30 s); kept optional here so the update schema adds no default.
  timeoutMs: timeoutMsSchema,
})
export type CreateVersionInput = z.input<typeof createVersionSchema>

// Editing a published version's contract creates a new draft; `version` names that new draft.
export const updateDraftVersionSchema = createVersionSchema
  .pick({ upstreamUrl: true, openapi: true, timeoutMs: true })
  .partial()
  .extend({ versionId: idInput(), version: versionLabelSchema.optional().or(z.literal('').transform(() => undefined)) })
export type UpdateDraftVersionInput = z.input<typeof updateDraftVersionSchema>

export const versionIdSchema = z.object({ versionId: idInput() })
export type VersionIdInput = z.input<typeof versionIdSchema>

export const versionDiffSchema = z.object({
  apiId: idInput(),
  fromVersionId: idInput('Choose a version'),
  toVersionId: idInput('Choose a version'),
})
export type VersionDiffQuery = z.input<typeof versionDiffSchema>

export const listApisSchema = z.object({
  q: searchText().max(100).optional().catch(undefined),
  state: z.enum(['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED']).optional().catch(undefined),
  page: integerInput({ min: 1, max: 10_000 }).catch(1).default(1),
})
export type ListApisQuery = Partial<z.infer<typeof listApisSchema>> & { pageSize?: number }

export const apiIdSchema = z.object({ apiId: idInput() })
export type ApiIdInput = z.input<typeof apiIdSchema>

/** What the gateway keeps of each call to a version (InvocationCapture), and for how long. */
export const CAPTURE_MODES = ['OFF', 'HEADERS', 'HEADERS_AND_BODIES'] as const
export const MAX_CAPTURE_RETENTION_DAYS = 30
export const updateCaptureSchema = z.object({
  versionId: idInput(),
  captureMode: z.enum(CAPTURE_MODES, { error: 'Choose off, headers, or headers and bodies' }),
  captureRetentionDays: integerInput({ min: 1, max: MAX_CAPTURE_RETENTION_DAYS }),
})
export type UpdateCaptureValues = z.output<typeof updateCaptureSchema>
