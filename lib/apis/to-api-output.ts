import { z } from 'zod'
import { API_KINDS, VISIBILITIES } from './schemas'
import type { ApiDetail } from './get-api'

// What the management API answers for an API: its metadata, tags and a summary of its versions
// (the contracts load one version at a time). Parsing through the schema keeps the answer to
// exactly these fields.
const VERSION_STATES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED'] as const

export const apiOutputSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(API_KINDS),
  visibility: z.enum(VISIBILITIES),
  state: z.enum(VERSION_STATES),
  tags: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      state: z.enum(VERSION_STATES),
      upstreamUrl: z.string(),
      publishedAt: z.date().nullable(),
      sunsetAt: z.date().nullable(),
    }),
  ),
})
export type ApiOutput = z.infer<typeof apiOutputSchema>

export const apiListItemSchema = apiOutputSchema.pick({
  id: true,
  slug: true,
  name: true,
  kind: true,
  visibility: true,
  state: true,
  createdAt: true,
  updatedAt: true,
})
export type ApiListItem = z.infer<typeof apiListItemSchema>

export function toApiOutput(api: ApiDetail): ApiOutput {
  return apiOutputSchema.parse({ ...api, tags: api.tags.map((t) => t.tag) })
}
