import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { notifyTeam } from '@/lib/notifications/notify-team'
import { listVersionCallers } from './list-version-callers'
import type { NotifyVersionCallersValues } from './schemas'

// The owner tells every team that called a version in the last 7 days what is happening to it:
// one notification (and webhook, where the team has one) per team, in one transaction.

export async function notifyVersionCallers(
  scope: TeamScope,
  { versionId, message }: NotifyVersionCallersValues,
  now = new Date(),
) {
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, teamId: scope.teamId },
    select: {
      id: true,
      version: true,
      state: true,
      sunsetAt: true,
      api: { select: { id: true, name: true, slug: true, team: { select: { slug: true, name: true } } } },
    },
  })
  if (!version) throw notFound('Version')
  const callers = (await listVersionCallers(scope, { versionIds: [versionId], now })).get(versionId) ?? []
  const sunset = version.sunsetAt ? ` Its sunset date is ${version.sunsetAt.toISOString().slice(0, 10)}.` : ''
  const title = `${version.api.team.name} · ${version.api.name} ${version.version}: a notice from its owner`
  const body = `${message ? `${message}\n\n` : ''}${version.api.name} ${version.version} is ${version.state.toLowerCase()}.${sunset}`
  await db.$transaction(async (tx) => {
    for (const caller of callers) {
      await notifyTeam(
        tx,
        {
          teamId: caller.teamId,
          event: 'api_version.notice',
          title,
          body,
          link: `/catalog/${version.api.team.slug}/${version.api.slug}`,
          data: {
            apiId: version.api.id,
            versionId,
            version: version.version,
            state: version.state,
            sunsetAt: version.sunsetAt?.toISOString() ?? null,
            message: message ?? null,
          },
        },
        now,
      )
    }
  })
  return { versionId, notified: callers.length }
}

export type NotifiedCallers = Awaited<ReturnType<typeof notifyVersionCallers>>
