import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { hashKey, keyDisplayPrefix } from '@/lib/keys/key-format'
import type { SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { SeededTeams } from './seed-teams'

/**
 * With SEED_API_KEY set, globex gets a key with exactly that value, so scripts, e2e tests and
 * benchmarks can call the gateway without a browser. Only its hash is stored, as for any key.
 */
export async function seedApiKey(db: Db, config: SeedConfig, teams: SeededTeams, counter: SeedCounter): Promise<void> {
  if (!config.apiKey) return
  const hash = hashKey(config.apiKey)
  const env = config.apiKey.split('_')[1] ?? 'live'
  await counter.upsert('API key', () => db.apiKey.findUnique({ where: { hash }, select: { id: true } }), () =>
    db.apiKey.create({
      data: {
        id: createId('key'), teamId: teams.globex.id, name: 'Demo key (SEED_API_KEY)', env,
        prefix: keyDisplayPrefix(config.apiKey!), hash, createdById: teams.globex.users.owner.id,
      },
      select: { id: true },
    }),
  )
}
