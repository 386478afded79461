import type { Role } from '@/generated/sqlite/enums'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

export type MemberRow = { id: string; role: Role; joinedAt: Date; user: { id: string; email: string; name: string } }

const ROLE_ORDER: Record<Role, number> = { OWNER: 0, ADMIN: 1, MEMBER: 2, VIEWER: 3 }

/** Everyone in the team, owners first, then by email. Never selects password hashes. */
export async function listMembers({ teamId }: TeamReadScope): Promise<MemberRow[]> {
  const rows = await db.membership.findMany({
    where: { teamId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  })
  return rows
    .map((row) => ({ id: row.id, role: row.role, joinedAt: row.createdAt, user: row.user }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.user.email.localeCompare(b.user.email))
}
