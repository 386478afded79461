// Rows for the subscription and key integration tests, written with db.* directly so the tests
// depend on nothing but the schema. Teams come from createTestTeam; slugs carry a random suffix, so
// runs never collide.
import type { ApprovalMode, Visibility, VersionState } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'

export async function seedApi(
  teamId: string,
  slug: string,
  options: { visibility?: Visibility; state?: VersionState; plans?: [string, ApprovalMode][] } = {},
) {
  const state = options.state ?? 'PUBLISHED'
  const api = await db.api.create({
    data: {
      id: createId('api'),
      teamId,
      slug,
      name: `${slug} api`,
      visibility: options.visibility ?? 'INTERNAL',
      state,
      searchText: `${slug} api`,
    },
  })
  const plans: Record<string, string> = {}
  for (const [name, approval] of options.plans ?? [
    ['Auto', 'AUTO'],
    ['Manual', 'MANUAL'],
  ]) {
    plans[name] = (
      await db.plan.create({ data: { id: createId('plan'), apiId: api.id, teamId, name, approval, rateLimit: 10 } })
    ).id
  }
  return { ...api, plans }
}

/** Team `owner` publishes `weather` (AUTO + MANUAL plans), `maps`, a PRIVATE `vault` and a draft; `consumer` and `outsider` subscribe. */
export async function seedSubscriptionFixture() {
  const owner = await createTestTeam({ label: 'owner' })
  const consumer = await createTestTeam({ label: 'consumer' })
  const outsider = await createTestTeam({ label: 'outsider' })
  const weather = await seedApi(owner.id, 'weather')
  const maps = await seedApi(owner.id, 'maps')
  const vault = await seedApi(owner.id, 'vault', { visibility: 'PRIVATE' })
  const draft = await seedApi(owner.id, 'draft', { state: 'DRAFT' })
  const retired = await seedApi(owner.id, 'retired', { state: 'RETIRED' })
  return { owner, consumer, outsider, weather, maps, vault, draft, retired }
}

export type SubscriptionFixture = Awaited<ReturnType<typeof seedSubscriptionFixture>>
