import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { hashKey, keyDisplayPrefix } from '@/lib/credentials/key-format'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { hashManagementToken } from '@/lib/management-tokens/token-format'
import type { SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { DemoTeamSlug, SeededTeams } from './seed-teams'

/**
 * Keys with values known in advance, so scripts, e2e tests and benchmarks can call the gateway
 * without a browser: SEED_API_KEY for globex, SEED_API_KEY_INITECH for initech (whose balance
 * covers exactly 20 paid calls to acme/weather). Only the hash is stored, as for any key.
 */
export async function seedApiKeys(db: Db, config: SeedConfig, teams: SeededTeams, counter: SeedCounter): Promise<void> {
  await seedApiKey(db, teams, counter, 'globex', config.apiKey, 'Demo key (SEED_API_KEY)')
  await seedApiKey(db, teams, counter, 'initech', config.initechApiKey, 'Demo key (SEED_API_KEY_INITECH)')
  await seedManagementToken(db, teams, counter, config.managementToken)
}

/** SEED_MANAGEMENT_TOKEN: acme's owner gets a write + billing + ai token with exactly that value. */
async function seedManagementToken(db: Db, teams: SeededTeams, counter: SeedCounter, value: string | null) {
  if (!value) return
  const owner = teams.acme.users.owner
  const scope = { teamId: teams.acme.id, actor: { userId: owner.id, email: owner.email, role: 'OWNER' as const } }
  await counter.upsert(
    'management token',
    () => db.managementToken.findUnique({ where: { hash: hashManagementToken(value) }, select: { id: true } }),
    async () => {
      const input = {
        name: 'Demo token (SEED_MANAGEMENT_TOKEN)',
        access: 'write' as const,
        grantBilling: true,
        grantAi: true,
      }
      const { token } = await createManagementToken(scope, input, { value }, db)
      return { id: token.id }
    },
  )
}

async function seedApiKey(
  db: Db,
  teams: SeededTeams,
  counter: SeedCounter,
  team: DemoTeamSlug,
  value: string | null,
  name: string,
): Promise<void> {
  if (!value) return
  const hash = hashKey(value)
  const env = value.split('_')[1] ?? 'live'
  await counter.upsert(
    'API key',
    () => db.apiKey.findUnique({ where: { hash }, select: { id: true } }),
    () =>
      db.apiKey.create({
        data: {
          id: createId('key'),
          teamId: teams[team].id,
          name,
          env,
          prefix: keyDisplayPrefix(value),
          hash,
          createdById: teams[team].users.owner.id,
        },
        select: { id: true },
      }),
  )
}
