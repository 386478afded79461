import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// One call with everything the detail page shows. Only a team that owns the API or made the call
// may see it: for anyone else the row does not exist (null → 404, never 403, so ids leak nothing).

export async function getCall({ teamId }: TeamReadScope, { callId }: { callId: string }) {
  const call = await db.invocation.findFirst({
    where: { id: callId, OR: [{ ownerTeamId: teamId }, { consumerTeamId: teamId }] },
  })
  if (!call) return null

  // Both sides of a call are both sides of its subscription and of its incident, so these lookups
  // carry the same team condition: a stale or foreign id simply finds nothing.
  const sides = [{ ownerTeamId: teamId }, { consumerTeamId: teamId }]
  const teamIds = [call.ownerTeamId, call.consumerTeamId].filter((v): v is string => Boolean(v))
  const [teams, api, version, key, subscription, incident] = await Promise.all([
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, slug: true, name: true } }),
    call.apiId ? db.api.findUnique({ where: { id: call.apiId }, select: { id: true, name: true, slug: true } }) : null,
    call.versionId
      ? db.apiVersion.findUnique({ where: { id: call.versionId }, select: { id: true, version: true } })
      : null,
    call.keyId
      ? db.apiKey.findUnique({
          where: { id: call.keyId },
          select: { id: true, teamId: true, name: true, prefix: true },
        })
      : null,
    call.subscriptionId
      ? db.subscription.findFirst({
          where: { id: call.subscriptionId, OR: sides },
          select: { plan: { select: { name: true, currency: true } } },
        })
      : null,
    call.status === 402 && call.incidentId
      ? db.paymentIncident.findFirst({ where: { id: call.incidentId, OR: sides }, select: { id: true, state: true } })
      : null,
  ])
  const team = (teamId?: string | null) => teams.find((t) => t.id === teamId) ?? null
  const viewerIsConsumer = call.consumerTeamId === teamId

  return {
    ...call,
    viewerRole: viewerIsConsumer ? ('consumer' as const) : ('owner' as const),
    ownerTeam: team(call.ownerTeamId),
    consumerTeam: team(call.consumerTeamId),
    api,
    version,
    // The prefix identifies the key to both sides; its name is the consumer team's own label.
    key: key ? { prefix: key.prefix, name: key.teamId === teamId ? key.name : null } : null,
    // What the gateway itself added on top of the upstream (auth, checks, metering, proxying).
    gatewayMs: call.upstreamMs === null ? null : Math.max(0, call.latencyMs - call.upstreamMs),
    planName: subscription?.plan.name ?? null,
    /** The plan's currency: costMicros is in it. */
    currency: subscription?.plan.currency ?? 'USD',
    /** Why a 402 was answered (its cause code) and the episode it belongs to, if still on record. */
    payment: call.status === 402 ? { cause: call.errorCode, incident: incident ?? null } : null,
  }
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>
