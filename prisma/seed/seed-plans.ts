import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { DEMO_APIS, DEMO_SUBSCRIPTIONS } from './demo-apis'
import { daysAgo, type SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { SeededApis } from './seed-apis'
import type { SeededTeams } from './seed-teams'

/** Plans on every API that has been published, keyed by (apiId, name). */
export async function seedPlans(db: Db, config: SeedConfig, apis: SeededApis, counter: SeedCounter): Promise<void> {
  for (const spec of DEMO_APIS) {
    const api = apis.get(`${spec.team}/${spec.slug}`)!
    const published = Math.max(...spec.versions.map((v) => v.publishedDaysAgo ?? -1))
    const retired = spec.versions.find((v) => v.retiredDaysAgo !== undefined)?.retiredDaysAgo
    for (const plan of spec.plans) {
      await counter.upsert(
        'plan',
        () => db.plan.findUnique({ where: { apiId_name: { apiId: api.id, name: plan.name } } }),
        () =>
          db.plan.create({
            data: {
              id: createId('plan'),
              apiId: api.id,
              teamId: api.teamId,
              name: plan.name,
              description: plan.description,
              approval: plan.approval,
              paid: plan.paid,
              pricePerCallMicros: BigInt(plan.pricePerCallMicros ?? 0),
              freeCallsPerMonth: plan.freeCallsPerMonth ?? 0,
              rateLimit: plan.rateLimit ?? null,
              rateWindow: plan.rateWindow ?? 'MINUTE',
              archivedAt: plan.archived && retired !== undefined ? daysAgo(config.now, retired) : null,
              createdAt: daysAgo(config.now, published + 1),
            },
          }),
      )
    }
  }
}

/** Cross-team subscriptions. There is no natural unique key, so (api, consumer, plan) is looked up first. */
export async function seedSubscriptions(
  db: Db,
  config: SeedConfig,
  teams: SeededTeams,
  apis: SeededApis,
  counter: SeedCounter,
): Promise<void> {
  for (const spec of DEMO_SUBSCRIPTIONS) {
    const api = apis.get(spec.api)!
    const plan = await db.plan.findUniqueOrThrow({
      where: { apiId_name: { apiId: api.id, name: spec.plan } },
      select: { id: true, approval: true },
    })
    const consumerTeamId = teams[spec.consumer].id
    const ownerTeam = spec.api.split('/')[0] as keyof SeededTeams
    const at = daysAgo(config.now, spec.daysAgo)
    const decided = spec.state !== 'PENDING'
    await counter.upsert(
      'subscription',
      () => db.subscription.findFirst({ where: { apiId: api.id, consumerTeamId, planId: plan.id } }),
      () =>
        db.subscription.create({
          data: {
            id: createId('sub'),
            apiId: api.id,
            planId: plan.id,
            ownerTeamId: api.teamId,
            consumerTeamId,
            state: spec.state,
            // AUTO plans activate on their own; a MANUAL approval names the owner who decided.
            decidedAt: decided ? at : null,
            decidedById: decided && plan.approval === 'MANUAL' ? teams[ownerTeam].users.owner.id : null,
            createdAt: at,
            updatedAt: at,
          },
        }),
    )
  }
}
