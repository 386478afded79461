import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { conflict, invalid, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { lockTeam } from '@/lib/teams/lock-team'
import { LIVE_STATES, type SubscribeInput } from './schemas'
import { SUBSCRIPTION_SELECT, toSubscriptionOutput } from './to-subscription-output'

const SUBSCRIBABLE_STATES = new Set(['PUBLISHED', 'DEPRECATED'])

/**
 * The scope's team subscribes to an API on one of its plans. AUTO plans are active at once;
 * MANUAL ones wait for the owner. An API the team cannot see reads as "not found", exactly like
 * one that does not exist, so the error never confirms another team's PRIVATE API.
 */
export async function subscribe({ teamId }: TeamScope, input: SubscribeInput, tx?: Tx) {
  const client = tx ?? db
  const api = await client.api.findFirst({
    where: {
      id: input.apiId,
      OR: [{ visibility: 'INTERNAL' }, { visibility: 'PRIVATE', teamId }],
    },
    select: { id: true, teamId: true, state: true },
  })
  const isOwner = api?.teamId === teamId
  // Other teams do not see an API that has only drafts (the catalog hides it too).
  if (!api || (!isOwner && api.state === 'DRAFT')) throw notFound('API')
  if (!SUBSCRIBABLE_STATES.has(api.state)) {
    throw conflict('Only a published or deprecated API can take new subscriptions', 'api_not_subscribable')
  }

  const plan = await client.plan.findFirst({
    where: { id: input.planId, apiId: api.id, archivedAt: null },
    select: { id: true, approval: true },
  })
  if (!plan)
    throw invalid('Choose one of this API’s current plans', { planId: ['This plan is not offered for this API'] })

  const state = plan.approval === 'AUTO' ? 'ACTIVE' : 'PENDING'
  const now = new Date()
  const insert = async (tx: Tx) => {
    // Serialises subscribes by one team, so two clicks cannot both pass the duplicate check.
    await lockTeam({ teamId }, tx)
    const existing = await tx.subscription.findFirst({
      where: { consumerTeamId: teamId, apiId: api.id, state: { in: [...LIVE_STATES] } },
      select: { state: true },
    })
    if (existing) {
      // A suspended team may not walk around the suspension by subscribing again.
      throw conflict(
        existing.state === 'SUSPENDED'
          ? 'Your team’s subscription to this API is suspended; ask the API’s owners to lift it'
          : `Your team already has a ${existing.state.toLowerCase()} subscription to this API`,
        'duplicate_subscription',
      )
    }
    const created = await tx.subscription.create({
      data: {
        id: createId('sub'),
        apiId: api.id,
        planId: plan.id,
        ownerTeamId: api.teamId,
        consumerTeamId: teamId,
        state,
        ...(state === 'ACTIVE' ? { decidedAt: now } : {}),
      },
      select: SUBSCRIPTION_SELECT,
    })
    // In the transaction: PostgreSQL delivers the notice on commit, when the row is visible.
    if (state === 'ACTIVE') await publishConfigChange(tx)
    return created
  }
  const row = await (tx ? insert(tx) : db.$transaction(insert))
  return toSubscriptionOutput(row)
}
