import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { request } from 'undici'
import { publishConfigChange } from '../lib/config-events/publish-config-change'
import { createKey } from '../lib/gateway/test-fixtures'
import type { Db } from '../lib/db'
import { createScratchDatabase, type TestDatabase } from '../lib/testing/test-database'
import { measure } from './measure-target'
import { markSection, readResults, withSection, writeResults } from './results-sections'
import { mergeResultsJson } from './results-json'
import { BENCH_PRICE_MICROS, seedBenchDb } from './seed-bench-db'
import { freePort, NODE, spawnBenchUpstream, spawnTarget, tsArgs, type Target } from './spawn-target'

// Scale-out on the engines users already run (issue 14), on PostgreSQL with a shared Redis:
// - propagation: how long a key revoked in one process takes to answer 401 at a gateway in another
//   (LISTEN/NOTIFY, the poll as fallback), over repeated revocations;
// - two instances: two gateway processes on one database sharing Redis, the load split between
//   them; throughput, and exactness (N 2xx answers give N Invocation rows and N charges).
// run-bench.ts calls runScaleOutBench at its end; `npx tsx bench/scale-out-bench.ts` runs it alone
// (BENCH_SCALE_OUT_CALLS, default 10,000; BENCH_CONNECTIONS, default 50).

const redisUrl = () => process.env.BENCH_REDIS ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

export type PropagationLag = { samples: number; worstMs: number; medianMs: number }
export type TwoInstances = { calls: number; rows: number; charges: number; rps: number; exact: boolean }
/** `loadAverage`: the machine's 1-minute load average at the end, with its core count: whether it was quiet. */
export type ScaleOutResults = {
  propagation: PropagationLag
  twoInstances: TwoInstances
  loadAverage: number
  cores: number
}

type World = {
  database: TestDatabase
  db: Db
  consumerTeamId: string
  path: string
  keys: { id: string; value: string }[]
}

/** The bench's world (a paid API whose limit the load never reaches) on a fresh PostgreSQL database, with `keyCount` keys. */
async function seedWorld(upstreamUrl: string, keyCount: number): Promise<World> {
  const database = await createScratchDatabase('postgres')
  const seeded = await seedBenchDb(upstreamUrl, database.url)
  const keys = []
  for (let i = 0; i < keyCount; i++) keys.push(await createKey(seeded.db, seeded.consumerTeamId))
  await publishConfigChange(seeded.db)
  const cleanup = async () => {
    await seeded.db.$disconnect()
    await database.cleanup()
  }
  return {
    database: { ...database, cleanup },
    db: seeded.db,
    consumerTeamId: seeded.consumerTeamId,
    path: seeded.path,
    keys,
  }
}

async function spawnInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Target> {
  const port = await freePort()
  return spawnTarget(
    'gateway',
    NODE,
    tsArgs('server/gateway-only.ts'),
    {
      DATABASE_URL: databaseUrl,
      GATEWAY_PORT: String(port),
      GATEWAY_HOSTNAME: '127.0.0.1',
      GATEWAY_WORKERS: '1',
      DEMO_UPSTREAM: 'off',
      TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1',
      ...env,
    },
    port,
  )
}

async function statusOf(url: string, key: string): Promise<number> {
  const res = await request(url, { headers: { authorization: `Bearer ${key}` } })
  await res.body.dump()
  return res.statusCode
}

/** Milliseconds from revoking each key here to its first 401 at a gateway in another process. */
export async function measurePropagationLag(upstreamUrl: string, revocations = 20): Promise<PropagationLag> {
  const world = await seedWorld(upstreamUrl, revocations)
  const gateway = await spawnInstance(world.database.url)
  try {
    const url = gateway.url + world.path
    const lags: number[] = []
    for (const key of world.keys) {
      while ((await statusOf(url, key.value)) !== 200) await new Promise((resolve) => setTimeout(resolve, 20))
      const started = performance.now()
      // What revokeKey does: the row, then the config event (NOTIFY on PostgreSQL).
      await world.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
      await publishConfigChange(world.db)
      while ((await statusOf(url, key.value)) !== 401) {
        if (performance.now() - started > 10_000) throw new Error('a revocation did not arrive within 10 s')
      }
      lags.push(performance.now() - started)
    }
    const sorted = [...lags].sort((a, b) => a - b)
    return { samples: lags.length, worstMs: sorted[sorted.length - 1], medianMs: sorted[Math.floor(sorted.length / 2)] }
  } finally {
    await gateway.stop()
    await world.database.cleanup()
  }
}

/** `calls` calls split between two gateway processes on one PostgreSQL database and one Redis. */
export async function measureTwoInstances(
  upstreamUrl: string,
  calls = 10_000,
  connections = 50,
): Promise<TwoInstances> {
  const world = await seedWorld(upstreamUrl, 1)
  const shared = { REDIS_URL: redisUrl(), GATEWAY_REDIS_PREFIX: `tollgate:bench:${randomUUID()}` }
  const instances = [await spawnInstance(world.database.url, shared), await spawnInstance(world.database.url, shared)]
  let served = 0
  let rps = 0
  try {
    const headers = { authorization: `Bearer ${world.keys[0].value}` }
    const half = Math.floor(calls / 2)
    const started = performance.now()
    const runs = await Promise.all(
      instances.map((instance, i) =>
        measure({
          url: instance.url + world.path,
          headers,
          amount: i === 0 ? half : calls - half,
          connections: Math.max(1, Math.floor(connections / 2)),
        }),
      ),
    )
    served = runs.reduce((sum, run) => sum + run.count2xx, 0)
    rps = served / ((performance.now() - started) / 1000)
  } finally {
    // SIGTERM: each writer flushes what it holds before the process exits.
    for (const instance of instances) await instance.stop()
  }
  try {
    const rows = await world.db.invocation.count({ where: { consumerTeamId: world.consumerTeamId, status: 200 } })
    const charged = await world.db.ledgerEntry.aggregate({
      where: { teamId: world.consumerTeamId, kind: 'CHARGE' },
      _sum: { amountMicros: true },
    })
    const charges = Number(-(charged._sum.amountMicros ?? 0n) / BENCH_PRICE_MICROS)
    return { calls: served, rows, charges, rps, exact: served === rows && served === charges }
  } finally {
    await world.database.cleanup()
  }
}

/** Both measurements against an upstream of their own, merged into bench/results.json; returns them for results.md. */
export async function runScaleOutBench(
  options: { revocations?: number; calls?: number; connections?: number } = {},
): Promise<ScaleOutResults> {
  const upstream = await spawnBenchUpstream()
  try {
    return await measureAndRecord(upstream.url, options)
  } finally {
    await upstream.stop()
  }
}

async function measureAndRecord(
  upstreamUrl: string,
  options: { revocations?: number; calls?: number; connections?: number },
): Promise<ScaleOutResults> {
  const propagation = await measurePropagationLag(upstreamUrl, options.revocations)
  console.log(
    `propagation (PostgreSQL NOTIFY): worst ${propagation.worstMs.toFixed(1)} ms, median ${propagation.medianMs.toFixed(1)} ms over ${propagation.samples} revocations`,
  )
  const twoInstances = await measureTwoInstances(upstreamUrl, options.calls, options.connections)
  console.log(
    `two instances (PostgreSQL + Redis): ${twoInstances.rps.toFixed(0)} req/s; ${twoInstances.calls} 2xx → ${twoInstances.rows} rows, ${twoInstances.charges} charges (${twoInstances.exact ? 'exact' : 'MISMATCH'})`,
  )
  mergeResultsJson({
    propagationLagMs: round(propagation.worstMs),
    propagationLagMedianMs: round(propagation.medianMs),
    twoInstances: { calls: twoInstances.calls, rows: twoInstances.rows, charges: twoInstances.charges },
    twoInstancesRps: Math.round(twoInstances.rps),
    scaleOutLoadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  })
  return { propagation, twoInstances, loadAverage: os.loadavg()[0], cores: os.cpus().length }
}

/** The results.md section of one run. */
export function formatScaleOutSection({ propagation, twoInstances, loadAverage, cores }: ScaleOutResults): string {
  const quiet = loadAverage < cores
  return [
    '## Scale-out (PostgreSQL, shared Redis)',
    '',
    `Load average ${loadAverage.toFixed(1)} on ${cores} cores at the end of the run: ${quiet ? 'a quiet machine' : 'the machine was NOT quiet, so lags and throughput here measure its queueing as much as the gateway'}.`,
    '',
    '| measure | result |',
    '| --- | --- |',
    `| key revocation reaching another process (LISTEN/NOTIFY), ${propagation.samples} runs | worst ${propagation.worstMs.toFixed(1)} ms, median ${propagation.medianMs.toFixed(1)} ms |`,
    `| two gateway processes, load split, one database and one Redis | ${twoInstances.rps.toFixed(0)} req/s |`,
    `| exactness: 2xx answers → Invocation rows → charges | ${twoInstances.calls} → ${twoInstances.rows} → ${twoInstances.charges} (${twoInstances.exact ? 'exact' : 'MISMATCH'}) |`,
  ].join('\n')
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** Runs both, then rewrites the scale-out section of bench/results.md (and its keys in results.json). */
export async function runAndWriteScaleOut(connections = Number(process.env.BENCH_CONNECTIONS ?? 50)): Promise<void> {
  const calls = Number(process.env.BENCH_SCALE_OUT_CALLS ?? 10_000)
  const section = formatScaleOutSection(await runScaleOutBench({ calls, connections }))
  writeResults(withSection(readResults(), 'scale-out', markSection('scale-out', section)))
  console.log('\n' + section)
}

if (process.argv[1]?.endsWith('scale-out-bench.ts')) {
  await runAndWriteScaleOut()
  process.exit(0)
}
