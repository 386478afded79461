import type { Db } from '@/lib/db'
import { seedAi } from './seed-ai'
import { seedAiHistory } from './seed-ai-history'
import { seedApis } from './seed-apis'
import { seedBilling } from './seed-billing'
import { seedBillingHistory } from './seed-billing-history'
import { readSeedConfig, type SeedConfig } from './seed-config'
import { SeedCounter } from './seed-counter'
import { seedApiKeys } from './seed-keys'
import { seedPlans, seedSubscriptions } from './seed-plans'
import { seedTeams } from './seed-teams'

export type SeedResult = { counter: SeedCounter; config: SeedConfig }

/**
 * The demo data set: teams acme, globex and initech with their users, a dozen APIs in every
 * lifecycle state, plans, subscriptions, billing accounts with four weeks of paid traffic and 402
 * incidents, the AI gateway demo (acme/assistant over the demo AI provider), and (with SEED_API_KEY / SEED_API_KEY_INITECH) known keys for globex and initech.
 * Idempotent: every row is found by its natural key first, so a second run writes nothing.
 */
export async function runSeed(db: Db, config: SeedConfig = readSeedConfig()): Promise<SeedResult> {
  const counter = new SeedCounter()
  const teams = await seedTeams(db, config, counter)
  const apis = await seedApis(db, config, teams, counter)
  await seedPlans(db, config, apis, counter)
  await seedSubscriptions(db, config, teams, apis, counter)
  await seedAi(db, config, teams, counter)
  await seedBilling(db, config, teams, counter)
  await seedBillingHistory(db, config, teams, counter)
  await seedAiHistory(db, config, teams, counter)
  await seedApiKeys(db, config, teams, counter)
  // Running gateways rebuild their snapshot when this row changes; only touch it when we wrote something.
  if (counter.total > 0) {
    await db.configVersion.upsert({
      where: { id: 1 },
      create: { id: 1, version: 1 },
      update: { version: { increment: 1 } },
    })
  }
  return { counter, config }
}
