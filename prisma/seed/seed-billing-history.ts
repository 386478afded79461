import type { Db } from '@/lib/db'
import { buildStreamCalls } from './billing-history/build-stream-calls'
import { loadDemoStreams } from './billing-history/demo-streams'
import { writeDemoStream } from './billing-history/write-demo-stream'
import type { SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import { createRandom } from './seed-large-usage-calls'
import type { SeededTeams } from './seed-teams'

/**
 * Four weeks of paid traffic, charges, top-ups and 402 episodes for the billing and incident
 * pages (the story is told in billing-history/demo-streams.ts). Each stream is written once, in
 * one transaction with its incident, whose fixed id is the "already done" mark.
 */
export async function seedBillingHistory(
  db: Db,
  config: SeedConfig,
  teams: SeededTeams,
  counter: SeedCounter,
): Promise<void> {
  const streams = await loadDemoStreams(db, config, teams)
  for (const stream of streams) {
    if (await db.paymentIncident.findUnique({ where: { id: stream.incidentId }, select: { id: true } })) continue
    const calls = buildStreamCalls(createRandom(stream.seed), stream)
    const written = await writeDemoStream(db, stream, calls, config.now)
    counter.changed('usage rollup', written.usageRollups)
    counter.changed('ledger entry', written.ledgerEntries)
    counter.changed('payment incident', written.incidents)
    counter.changed('refused call', written.blockedCalls)
    counter.changed('logged call', written.invocations)
  }
}
