import { z } from 'zod'
import type { VersionWithApi } from './get-version'

// What the management API answers for a version: everything but the API row it hangs off; the
// contract text (`openapi`) only when one version is asked for.
const VERSION_STATES = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED'] as const

export const versionOutputSchema = z.object({
  id: z.string(),
  apiId: z.string(),
  version: z.string(),
  major: z.number().int(),
  state: z.enum(VERSION_STATES),
  upstreamUrl: z.string(),
  timeoutMs: z.number().int(),
  publishedAt: z.date().nullable(),
  deprecatedAt: z.date().nullable(),
  sunsetAt: z.date().nullable(),
  retiredAt: z.date().nullable(),
  successorId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  openapi: z.string().optional(),
})
export type VersionOutput = z.infer<typeof versionOutputSchema>

export function toVersionOutput(version: VersionWithApi, { withContract = false } = {}): VersionOutput {
  const { openapi, ...rest } = version
  return versionOutputSchema.parse({ ...rest, ...(withContract ? { openapi } : {}) })
}
