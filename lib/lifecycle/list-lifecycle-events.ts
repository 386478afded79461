import { db } from '@/lib/db'

/** The API's audit trail, newest first. Deleted drafts keep their events (versionId is null then). */
export async function listLifecycleEvents({
  teamId,
  apiId,
  limit = 200,
}: {
  teamId: string
  apiId: string
  limit?: number
}) {
  const events = await db.lifecycleEvent.findMany({
    where: { teamId, apiId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      reason: true,
      actorEmail: true,
      createdAt: true,
      version: { select: { id: true, version: true } },
    },
  })
  return events.map(({ version, ...event }) => ({
    ...event,
    versionId: version?.id ?? null,
    versionLabel: version?.version ?? null,
  }))
}

export type LifecycleEventView = Awaited<ReturnType<typeof listLifecycleEvents>>[number]
