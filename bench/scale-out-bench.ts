import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { measurePropagationLag, type LagSpread, type PropagationLag } from './measure-propagation'
import { measure } from './measure-target'
import { markSection, readResults, withSection, writeResults } from './results-sections'
import { mergeResultsJson } from './results-json'
import { seedWorld, spawnInstance } from './scale-out-world'
import { BENCH_PRICE_MICROS } from './seed-bench-db'
import { spawnBenchUpstream } from './spawn-target'

// Scale-out on the engines users already run (issue 14), on PostgreSQL with a shared Redis:
// - propagation: how long a key revoked in one process takes, from its commit, to answer 401 at a gateway in another
//   (LISTEN/NOTIFY, the poll as fallback), over repeated revocations;
// - two instances: two gateway processes on one database sharing Redis, the load split between
//   them; throughput, and exactness (N 2xx answers give N Invocation rows and N charges).
// run-bench.ts calls runScaleOutBench at its end; `npx tsx bench/scale-out-bench.ts` runs it alone
// (BENCH_SCALE_OUT_CALLS, default 10,000; BENCH_CONNECTIONS, default 50).

const redisUrl = () => process.env.BENCH_REDIS ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

export type TwoInstances = { calls: number; rows: number; charges: number; rps: number; exact: boolean }
/** `loadAverage`: the machine's 1-minute load average at the end, with its core count: whether it was quiet. */
export type ScaleOutResults = {
  propagation: PropagationLag
  /** The 1-minute load average right after the propagation runs. */
  propagationLoadAverage: number
  twoInstances: TwoInstances
  loadAverage: number
  cores: number
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
  const propagationLoadAverage = os.loadavg()[0]
  console.log(
    `propagation (PostgreSQL NOTIFY, commit to 401): worst ${propagation.worstMs.toFixed(1)} ms, median ${propagation.medianMs.toFixed(1)} ms (with the write: worst ${propagation.withWrite.worstMs.toFixed(1)} ms) over ${propagation.samples} revocations (${propagation.deltas} as deltas; ${formatBreakdown(propagation)}), load average ${propagationLoadAverage.toFixed(1)}`,
  )
  const twoInstances = await measureTwoInstances(upstreamUrl, options.calls, options.connections)
  console.log(
    `two instances (PostgreSQL + Redis): ${twoInstances.rps.toFixed(0)} req/s; ${twoInstances.calls} 2xx → ${twoInstances.rows} rows, ${twoInstances.charges} charges (${twoInstances.exact ? 'exact' : 'MISMATCH'})`,
  )
  mergeResultsJson({
    propagationLagMs: round(propagation.worstMs),
    propagationLagMedianMs: round(propagation.medianMs),
    propagationLagWithWriteMs: round(propagation.withWrite.worstMs),
    propagationSamples: propagation.samples,
    propagationDeltas: propagation.deltas,
    propagationBreakdownMs: Object.fromEntries(
      Object.entries(propagation.breakdown).map(([step, lag]) => [
        step,
        { median: round(lag.medianMs), worst: round(lag.worstMs) },
      ]),
    ),
    propagationLoadAverage: Math.round(propagationLoadAverage * 10) / 10,
    twoInstances: { calls: twoInstances.calls, rows: twoInstances.rows, charges: twoInstances.charges },
    twoInstancesRps: Math.round(twoInstances.rps),
    scaleOutLoadAverage: Math.round(os.loadavg()[0] * 10) / 10,
  })
  return { propagation, propagationLoadAverage, twoInstances, loadAverage: os.loadavg()[0], cores: os.cpus().length }
}

/** "write 9.1 / notify 1.2 / apply 2.3 / answer 0.8 ms median": where a revocation's time goes. */
function formatBreakdown({ breakdown }: PropagationLag): string {
  const median = (lag: LagSpread) => lag.medianMs.toFixed(1)
  const worst = (lag: LagSpread) => lag.worstMs.toFixed(1)
  const steps = Object.entries(breakdown)
  return `${steps.map(([step, lag]) => `${step} ${median(lag)}`).join(' / ')} ms median, ${steps.map(([step, lag]) => `${step} ${worst(lag)}`).join(' / ')} ms worst`
}

/** The results.md section of one run. */
export function formatScaleOutSection({
  propagation,
  propagationLoadAverage,
  twoInstances,
  loadAverage,
  cores,
}: ScaleOutResults): string {
  const quiet = loadAverage < cores
  return [
    '## Scale-out (PostgreSQL, shared Redis)',
    '',
    `Load average ${loadAverage.toFixed(1)} on ${cores} cores at the end of the run: ${quiet ? 'a quiet machine' : 'the machine was NOT quiet, so lags and throughput here measure its queueing as much as the gateway'}.`,
    '',
    '| measure | result |',
    '| --- | --- |',
    `| key revocation reaching another process (LISTEN/NOTIFY): its commit to the first 401 there, ${propagation.samples} runs, load average ${propagationLoadAverage.toFixed(1)} | worst ${propagation.worstMs.toFixed(1)} ms, median ${propagation.medianMs.toFixed(1)} ms (target: under 100 ms); ${propagation.deltas} of ${propagation.samples} applied as one-row deltas |`,
    `| the same, from the start of the console's write (update, version bump and NOTIFY, commit) | worst ${propagation.withWrite.worstMs.toFixed(1)} ms, median ${propagation.withWrite.medianMs.toFixed(1)} ms |`,
    `| where a revocation's time goes (write = the console's commit, notify = commit to heard, apply = heard to swapped in, answer = to the first 401) | ${formatBreakdown(propagation)} |`,
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
