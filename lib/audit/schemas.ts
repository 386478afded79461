import { z } from 'zod'
import { decodeCursor, type Cursor } from '@/lib/pagination/paginate-cursor'
import { parseInstant } from '@/lib/validation/dates'
import { searchText } from '@/lib/validation/text'

// The audit log's filters, the same for the console page and GET /api/v1/teams/{team}/audit. They
// live in the URL; a bad value is simply no filter (never a 500), as the call log parses its own.

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_ORIGINS = ['CONSOLE', 'API', 'CONFIG'] as const

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const optionalText = (max: number) => z.preprocess(first, searchText().min(1).max(max)).optional().catch(undefined)

const rawSchema = z.object({
  actor: optionalText(200),
  action: optionalText(120),
  target: optionalText(120),
  origin: z
    .preprocess(first, z.string().toUpperCase().pipe(z.enum(AUDIT_ORIGINS)))
    .optional()
    .catch(undefined),
  q: optionalText(200),
  from: z.preprocess(first, z.string().max(40)).optional().catch(undefined),
  to: z.preprocess(first, z.string().max(40)).optional().catch(undefined),
  cursor: z.preprocess(first, z.string().max(120)).optional().catch(undefined),
  before: z.preprocess(first, z.string().max(120)).optional().catch(undefined),
})

export type AuditQuery = {
  /** A user id, a token id, or (part of) an email. */
  actor?: string
  /** An action, or its start ("api." finds api.create and api.update). */
  action?: string
  /** A target type ("plan") or a target id. */
  target?: string
  origin?: (typeof AUDIT_ORIGINS)[number]
  q?: string
  from?: Date
  /** Exclusive. */
  to?: Date
  after?: Cursor
  before?: Cursor
}

export function parseAuditQuery(searchParams: unknown): AuditQuery {
  const raw = rawSchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
  return {
    actor: raw.actor,
    action: raw.action,
    target: raw.target,
    origin: raw.origin,
    q: raw.q?.toLowerCase(),
    from: parseInstant(raw.from),
    to: parseInstant(raw.to),
    after: decodeCursor(raw.cursor),
    before: decodeCursor(raw.before),
  }
}

/** The query as URL parameters, for links that keep the filters (paging). */
export function auditQueryToParams(query: AuditQuery): Record<string, string | undefined> {
  return {
    actor: query.actor,
    action: query.action,
    target: query.target,
    origin: query.origin,
    q: query.q,
    from: query.from?.toISOString(),
    to: query.to?.toISOString(),
  }
}

export const auditEntryOutputSchema = z
  .object({
    id: z.string(),
    origin: z.enum(AUDIT_ORIGINS),
    actor: z.object({ userId: z.string().nullable(), email: z.string().nullable(), tokenId: z.string().nullable() }),
    action: z.string(),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    before: z.unknown().meta({ description: 'The resource before the change, secrets redacted (null for a create)' }),
    after: z.unknown().meta({ description: 'The resource after the change, secrets redacted' }),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntryOutput = z.infer<typeof auditEntryOutputSchema>
