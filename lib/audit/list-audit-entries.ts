import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage } from '@/lib/pagination/paginate-cursor'
import type { AuditEntryOutput, AuditQuery } from './schemas'
import { toAuditEntryOutput } from './to-audit-entry-output'

/** The team's audit log, newest first, one keyset page at a time (it only ever grows). */
export async function listAuditEntries(
  { teamId }: TeamReadScope,
  query: AuditQuery & { pageSize: number },
): Promise<CursorPage<AuditEntryOutput>> {
  const where: Prisma.AuditEntryWhereInput[] = [{ teamId }]
  if (query.actor) {
    where.push({
      OR: [{ actorUserId: query.actor }, { tokenId: query.actor }, { actorEmail: { contains: query.actor } }],
    })
  }
  if (query.action) where.push({ action: { startsWith: query.action } })
  if (query.target) where.push({ OR: [{ targetType: query.target }, { targetId: query.target }] })
  if (query.origin) where.push({ origin: query.origin })
  if (query.q) where.push({ searchText: { contains: query.q } })
  if (query.from) where.push({ createdAt: { gte: query.from } })
  if (query.to) where.push({ createdAt: { lt: query.to } })
  return paginateCursor(
    { after: query.after, before: query.before, pageSize: query.pageSize },
    {
      findMany: ({ keyset, orderBy, take }) =>
        db.auditEntry.findMany({ where: { AND: [...where, ...keyset] }, orderBy, take }),
      mapPage: (rows) => rows.map(toAuditEntryOutput),
    },
  )
}
