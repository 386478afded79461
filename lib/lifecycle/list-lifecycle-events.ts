import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** One audit event as the timelines show it (the team's API page and the catalog). */
export const LIFECYCLE_EVENT_SELECT = {
  id: true,
  action: true,
  fromState: true,
  toState: true,
  reason: true,
  actorEmail: true,
  createdAt: true,
  version: { select: { id: true, version: true } },
} satisfies Prisma.LifecycleEventSelect

export type LifecycleEventRow = Prisma.LifecycleEventGetPayload<{ select: typeof LIFECYCLE_EVENT_SELECT }>

export function toLifecycleEventView({ version, ...event }: LifecycleEventRow) {
  return { ...event, versionId: version?.id ?? null, versionLabel: version?.version ?? null }
}

export type LifecycleEventView = ReturnType<typeof toLifecycleEventView>

/** The API's audit trail, newest first. Deleted drafts keep their events (versionId is null then). */
export async function listLifecycleEvents(
  { teamId }: TeamReadScope,
  { apiId, limit = 200 }: { apiId: string; limit?: number },
): Promise<LifecycleEventView[]> {
  const events = await db.lifecycleEvent.findMany({
    where: { teamId, apiId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: LIFECYCLE_EVENT_SELECT,
  })
  return events.map(toLifecycleEventView)
}
