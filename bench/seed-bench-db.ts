import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { postLedgerEntry } from '../lib/billing/post-ledger-entry'
import { createDb, type Db } from '../lib/db'
import { createApi, createKey } from '../lib/gateway/test-fixtures'
import { createId } from '../lib/ids'
import { createTestTeam } from '../lib/testing/create-test-team'
import { migrate } from '../scripts/db-migrate.mjs'

// A migrated temp SQLite database with one team calling another team's API through a key, on a
// paid plan (so every call is reserved and charged) with a rate limit far above what the
// benchmark reaches (so the limiter runs, never denies), and a balance no run can exhaust.

export const BENCH_PRICE_MICROS = 100n

/** A migrated database (default: a temp SQLite file) with an owner team and a consumer team funded without limit. */
export async function createBenchDb(
  url = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-')), 'bench.db')}`,
) {
  await migrate(url)
  const db = createDb(url)
  const owner = await createTestTeam({ label: 'acme' }, db)
  const consumer = await createTestTeam({ label: 'globex' }, db)
  await db.billingAccount.create({ data: { id: createId('bill'), teamId: consumer.id, paymentMethodStatus: 'VALID' } })
  await db.$transaction((tx) =>
    postLedgerEntry(
      { teamId: consumer.id, kind: 'TOP_UP', amountMicros: 1_000_000_000_000n, idempotencyKey: 'bench-top-up' },
      tx,
    ),
  )
  return { db, url, owner, consumer }
}

export async function seedBenchDb(
  upstreamUrl: string,
  databaseUrl?: string,
): Promise<{ db: Db; url: string; path: string; key: string; consumerTeamId: string }> {
  const { db, url, owner, consumer } = await createBenchDb(databaseUrl)
  const api = await createApi(db, {
    ownerTeamId: owner.id,
    consumerTeamId: consumer.id,
    slug: 'weather',
    rateLimit: 1_000_000_000,
    rateWindow: 'MINUTE',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl }],
  })
  await db.plan.update({ where: { id: api.plan.id }, data: { paid: true, pricePerCallMicros: BENCH_PRICE_MICROS } })
  const key = await createKey(db, consumer.id)
  return {
    db,
    url,
    path: `/gw/${owner.slug}/weather/v1/current?city=Oslo`,
    key: key.value,
    consumerTeamId: consumer.id,
  }
}
