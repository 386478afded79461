import type { AuditEntry } from '@/generated/sqlite/client'
import { auditEntryOutputSchema, type AuditEntryOutput } from './schemas'

// before/after were redacted when written; the output schema is the second line of defence for
// the rest (searchText and teamId stay on the server).
export function toAuditEntryOutput(row: AuditEntry): AuditEntryOutput {
  return auditEntryOutputSchema.parse({
    id: row.id,
    origin: row.origin,
    actor: { userId: row.actorUserId, email: row.actorEmail, tokenId: row.tokenId },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    sourceIp: row.sourceIp,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  })
}
