import { db } from '@/lib/db'

/** A membership's role now, or null once it is gone: what the members page would show. */
export async function roleOf(membershipId: string) {
  return (await db.membership.findUnique({ where: { id: membershipId }, select: { role: true } }))?.role ?? null
}
