import type { AuditOrigin } from '@/generated/sqlite/enums'
import type { Db, Tx } from '@/lib/db'
import { createId } from '@/lib/ids'
import { redactSecrets } from './redact-secrets'

/** Who acted and from where: fixed by the transport from what it verified, never from a body. */
export type AuditSource = {
  teamId: string
  origin: AuditOrigin
  actor: { userId: string; email: string } | null
  /** The management token of an /api/v1 call or a config apply. */
  tokenId?: string | null
  sourceIp?: string | null
  userAgent?: string | null
}

/** What changed: `action` is a `noun.verb` (lib/audit/audit-actions.ts); before/after are rows or inputs. */
export type AuditChange = {
  action: string
  targetType?: string | null
  targetId?: string | null
  before?: unknown
  after?: unknown
}

// Long enough for any header a browser or a script sends; the column is not a place to store blobs.
const MAX_HEADER_LENGTH = 500

export async function writeAuditEntry(client: Db | Tx, source: AuditSource, change: AuditChange): Promise<void> {
  const { teamId, origin, actor, tokenId, sourceIp, userAgent } = source
  await client.auditEntry.create({
    data: {
      id: createId('aud'),
      teamId,
      origin,
      actorUserId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      tokenId: tokenId ?? null,
      action: change.action,
      targetType: change.targetType ?? null,
      targetId: change.targetId ?? null,
      before: jsonOf(change.before),
      after: jsonOf(change.after),
      sourceIp: sourceIp?.slice(0, MAX_HEADER_LENGTH) ?? null,
      userAgent: userAgent?.slice(0, MAX_HEADER_LENGTH) ?? null,
      searchText: [change.action, change.targetType, change.targetId, actor?.email, tokenId]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    },
  })
}

function jsonOf(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(redactSecrets(value))
}
