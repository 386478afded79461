import type { Role } from '@/generated/sqlite/enums'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

export type PendingInvite = {
  id: string
  role: Role
  email: string | null
  expiresAt: Date
  createdAt: Date
  expired: boolean
}

/** Invites not yet accepted, newest first. Expired ones stay listed (marked) until revoked. */
export async function listPendingInvites({ teamId }: TeamReadScope, now = new Date()): Promise<PendingInvite[]> {
  const rows = await db.invite.findMany({
    where: { teamId, acceptedAt: null },
    select: { id: true, role: true, email: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
    take: 100,
  })
  return rows.map((row) => ({ ...row, expired: row.expiresAt <= now }))
}
