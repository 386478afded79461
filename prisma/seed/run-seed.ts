// `npm run seed`: loads the demo data (idempotent). `--if-empty` (used by `npm start`) skips it
// when the database already has users, so a real installation is never touched.
import { createDb } from '@/lib/db'
import { readSeedConfig } from './seed-config'
import { runSeed } from './seed-demo'

async function main() {
  const config = readSeedConfig()
  const db = createDb()
  try {
    if (process.argv.includes('--if-empty') && (await db.user.count()) > 0) {
      console.log('Seed: the database already has users; skipping the demo data.')
      return
    }
    const started = Date.now()
    const { counter } = await runSeed(db, config)
    console.log(`Seed: ${counter.summary()} (${Date.now() - started} ms).`)
    if (config.apiKey) console.log('Seed: globex has the API key from SEED_API_KEY.')
    if (config.initechApiKey)
      console.log(
        'Seed: initech has the API key from SEED_API_KEY_INITECH (its balance pays for 20 calls to acme/weather).',
      )
    if (config.managementToken) console.log('Seed: acme’s owner has the management token from SEED_MANAGEMENT_TOKEN.')
    console.log(`Sign in at http://localhost:${process.env.PORT ?? 3000}/login as owner@acme.test / ${config.password}`)
  } finally {
    await db.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
