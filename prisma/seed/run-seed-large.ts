// `npm run seed:large`: 10,000 INTERNAL APIs over 50 extra teams, for the performance targets.
// Safe to re-run: teams that already have their APIs are skipped.
import { createDb } from '@/lib/db'
import { runSeedLarge } from './seed-large'

async function main() {
  const db = createDb()
  const started = Date.now()
  try {
    const context = await runSeedLarge(db, {}, (message) => console.log(message))
    const apis = await db.api.count({ where: { teamId: { in: context.teams.map((t) => t.id) } } })
    console.log(
      `Large seed: ${context.teams.length} teams, ${apis} APIs in total (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    )
  } finally {
    await db.$disconnect()
  }
}

main().catch((error: unknown) => {
  console.error(`Large seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
