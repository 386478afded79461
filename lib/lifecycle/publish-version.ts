import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { conflict } from '@/lib/errors/app-error'
import { getPublishChecks } from './get-publish-checks'
import { guardError } from './guard-error'
import { recordTransition } from './record-transition'
import type { PublishVersionInput } from './schemas'

/**
 * DRAFT → PUBLISHED, once the document validates, the upstream answers, a plan exists and any
 * breaking change is either a new major or explicitly overridden (the reason goes in the event).
 */
export async function publishVersion(scope: TeamScope, input: PublishVersionInput, now = new Date()) {
  const { teamId } = scope
  const { versionId, override = false, overrideReason } = input
  const checks = await getPublishChecks(scope, { versionId, override, overrideReason })
  if (!checks.guard.ok) throw guardError(checks.guard.failures)
  const { version } = checks
  const overriding = checks.needsOverride && override
  const reason = overriding
    ? `Override: ${checks.breakingCount} breaking change(s) vs ${checks.previous?.version} under major ${version.major}. ${overrideReason?.trim()}`
    : null

  return db.$transaction(async (tx) => {
    // Plans may have been archived while the upstream check ran.
    const plans = await tx.plan.count({ where: { apiId: version.apiId, teamId, archivedAt: null } })
    if (plans === 0)
      throw guardError([{ code: 'no_plan', message: 'Add at least one plan to the API before publishing' }])
    const { count } = await tx.apiVersion.updateMany({
      where: { id: versionId, teamId, state: 'DRAFT' },
      data: { state: 'PUBLISHED', publishedAt: now },
    })
    if (count === 0) throw conflict('The version changed meanwhile; reload and try again')
    await recordTransition(
      scope,
      {
        apiId: version.apiId,
        versionId,
        from: 'DRAFT',
        to: 'PUBLISHED',
        action: overriding ? 'publish_override' : 'publish',
        reason,
      },
      tx,
    )
    return {
      versionId,
      apiId: version.apiId,
      state: 'PUBLISHED' as const,
      breakingCount: checks.breakingCount,
      overridden: overriding,
    }
  })
}

export type PublishedVersion = Awaited<ReturnType<typeof publishVersion>>
