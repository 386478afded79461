// `BENCH_ONLY=cpu npm run bench`: CPU per served call of the gateway (everything on), the gateway
// with raw-log sampling on, and the bare undici proxy, in BENCH_ROUNDS paired rounds (each round
// measures all three back to back), with the spread across rounds. CPU per call is the target's
// own process time (every thread), so it is far steadier on a shared machine than req/s.
import os from 'node:os'
import type { CpuMeasurement } from './cpu-report'
import { measure } from './measure-target'
import { startCpuSample, startThreadSample } from './proc-cpu'
import { mergeResultsJson } from './results-json'
import { markSection, readResults, withSection, writeResults } from './results-sections'
import { samplingFromEnv } from '../lib/metering/raw-log-sampler'
import { seedBenchDb } from './seed-bench-db'
import { benchWriter, type WriterBenchRow } from './writer-bench'
import { freePort, NODE, spawnBenchUpstream, spawnGateway, spawnTarget, tsArgs, type Target } from './spawn-target'

/** The sampling row: raw Invocation rows for the first 100 successful calls a second, then 1 in 10. */
export const SAMPLING_ENV = { INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND: '100', INVOCATION_LOG_SAMPLE_ONE_IN: '10' }
export const SAMPLING = samplingFromEnv(SAMPLING_ENV)!

type Spread = { median: number; min: number; max: number }
/** With the CPU per call split by thread, in µs: the event loop's user and kernel time, and every other thread. */
type PairMeasurement = CpuMeasurement & { mainUserUs: number; mainSystemUs: number; otherThreadsUs: number }
export type CpuPairs = {
  rounds: number
  loadAverage: number[]
  gateway: PairMeasurement[]
  sampled: PairMeasurement[]
  bare: PairMeasurement[]
  writer: WriterBenchRow[]
}

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] }
}

async function run(target: Target, url: string, headers: Record<string, string> | undefined, durationSec: number) {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
  await measure({ url, headers, durationSec: 2, connections })
  const sample = startCpuSample(target.child.pid!)
  const threads = startThreadSample(target.child.pid!)
  const result = await measure({ url, headers, durationSec, connections })
  const { cpuMs, machineIdlePct } = sample()
  const split = threads()
  const perCall = (ms: number) => (ms * 1000) / Math.max(1, result.count2xx)
  return {
    ...result,
    cpuUsPerCall: perCall(cpuMs),
    machineIdlePct,
    mainUserUs: perCall(split.mainUserMs),
    mainSystemUs: perCall(split.mainSystemMs),
    otherThreadsUs: perCall(split.otherThreadsMs),
  }
}

export async function runCpuPairs(rounds: number, durationSec: number): Promise<CpuPairs> {
  // The writer alone first: its CPU per metered call, with every raw row and with sampling.
  const writer: WriterBenchRow[] = []
  for (const engine of ['sqlite', 'postgres'] as const)
    for (const sampling of [null, SAMPLING]) writer.push(await benchWriter(engine, 20_000, sampling))
  const upstream = await spawnBenchUpstream()
  const seeded = await seedBenchDb(upstream.url)
  const auth = { authorization: `Bearer ${seeded.key}` }
  const barePort = await freePort()
  const targets = {
    gateway: await spawnGateway(seeded.url, 1),
    sampled: await spawnGateway(seeded.url, 1, 'on', SAMPLING_ENV),
    bare: await spawnTarget(
      'bare',
      NODE,
      tsArgs('bench/bare-proxy.ts'),
      { PORT: String(barePort), UPSTREAM_URL: upstream.url, BENCH_WORKERS: '1' },
      barePort,
    ),
  }
  const result: CpuPairs = { rounds, loadAverage: [], gateway: [], sampled: [], bare: [], writer }
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const name of ['gateway', 'sampled', 'bare'] as const) {
        const target = targets[name]
        const url = target.url + (name === 'bare' ? '/weather/current?city=Oslo' : seeded.path)
        const m = await run(target, url, name === 'bare' ? undefined : auth, durationSec)
        result[name].push(m)
        console.log(
          `round ${round} ${name.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  CPU ${m.cpuUsPerCall.toFixed(1)} µs/call  idle ${m.machineIdlePct.toFixed(1)} %  non2xx ${m.non2xx} errors ${m.errors}`,
        )
      }
    }
    result.loadAverage = os.loadavg()
  } finally {
    for (const target of Object.values(targets)) await target.stop()
    await upstream.stop()
    await seeded.db.$disconnect()
  }
  return result
}

const f = (n: number, digits = 2) => n.toFixed(digits)
const range = (s: Spread, digits = 2) => `${f(s.median, digits)} (${f(s.min, digits)}–${f(s.max, digits)})`

/** Per round: each target's CPU per call over the bare proxy's of the same round. */
function ratios(p: CpuPairs, of: 'gateway' | 'sampled', by: 'cpuUsPerCall' | 'rps') {
  return spread(p[of].map((m, i) => m[by] / p.bare[i][by]))
}

export function formatCpuPairs(p: CpuPairs): string {
  const row = (name: string, ms: PairMeasurement[]) =>
    `| ${name} | ${range(spread(ms.map((m) => m.rps)), 0)} | ${range(spread(ms.map((m) => m.cpuUsPerCall)), 1)} | ${range(spread(ms.map((m) => m.machineIdlePct)), 1)} |`
  const median = (ms: PairMeasurement[], pick: (m: PairMeasurement) => number) => f(spread(ms.map(pick)).median, 1)
  const threadRow = (name: string, ms: PairMeasurement[]) =>
    `| ${name} | ${median(ms, (m) => m.mainUserUs)} | ${median(ms, (m) => m.mainSystemUs)} | ${median(ms, (m) => m.otherThreadsUs)} |`
  const writerAlone = p.writer.find((w) => w.engine === 'sqlite' && !w.sampled)
  return `## CPU per call, paired rounds (\`BENCH_ONLY=cpu\`)

${p.rounds} rounds; each measures the three targets back to back (2 s warm-up, then the measured run).
Median (min–max) across rounds. Load average after the run: ${p.loadAverage.map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} cores.
The sampling row is the same gateway with \`INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND=${SAMPLING_ENV.INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND}\`
and \`INVOCATION_LOG_SAMPLE_ONE_IN=${SAMPLING_ENV.INVOCATION_LOG_SAMPLE_ONE_IN}\`: rollups and charges stay exact, raw rows are sampled.

| target | req/s | CPU µs per call | machine idle % |
|---|---:|---:|---:|
${row('gateway, everything on', p.gateway)}
${row('gateway, everything on, raw log sampled', p.sampled)}
${row('bare undici proxy', p.bare)}

| ratio to the bare proxy (same round) | gateway | gateway, sampled | target |
|---|---:|---:|---|
| CPU per call | ${range(ratios(p, 'gateway', 'cpuUsPerCall'))} | ${range(ratios(p, 'sampled', 'cpuUsPerCall'))} | ≤ 1.2 |
| throughput | ${range(ratios(p, 'gateway', 'rps'))} | ${range(ratios(p, 'sampled', 'rps'))} | ≥ 0.85 |

Where each call's CPU goes, by thread (\`/proc/<pid>/task/<pid>/stat\`, µs per call, median of the rounds): the
event loop's own user and kernel time, and every other thread of the process (for the gateway the
metering writer thread above all, then V8's garbage-collection helpers; for the bare proxy only
those helpers).

| target | event loop, user | event loop, kernel | other threads |
|---|---:|---:|---:|
${threadRow('gateway, everything on', p.gateway)}
${threadRow('gateway, everything on, raw log sampled', p.sampled)}
${threadRow('bare undici proxy', p.bare)}

What this leaves for the target: 1.2× the bare proxy is ${f(1.2 * spread(p.bare.map((m) => m.cpuUsPerCall)).median, 1)} µs a call. The metering writer
alone costs ${writerAlone ? f(writerAlone.cpuUsPerRow, 1) : 'n/a'} µs a call (below), before the gateway authenticates, limits, charges or
forwards anything; the bare proxy's own event loop, doing only the forwarding, uses ${median(p.bare, (m) => m.mainUserUs + m.mainSystemUs)} µs.

The metering writer alone (20,000 calls in one second through the gateway's sink, this process's CPU, every thread):

| engine | raw rows | calls/s | CPU µs per call |
|---|---|---:|---:|
${p.writer.map((w) => `| ${w.engine} | ${w.sampled ? 'sampled' : 'every call'} | ${f(w.rowsPerSec, 0)} | ${f(w.cpuUsPerRow, 1)} |`).join('\n')}
`
}

export async function runAndWriteCpuPairs(rounds: number, durationSec: number): Promise<void> {
  const pairs = await runCpuPairs(rounds, durationSec)
  const section = markSection('cpu-pairs', formatCpuPairs(pairs))
  writeResults(withSection(readResults(), 'cpu-pairs', section))
  mergeResultsJson({
    cpuPairs: {
      rounds,
      cpuPerCallRatioBare: ratios(pairs, 'gateway', 'cpuUsPerCall'),
      cpuPerCallRatioBareSampled: ratios(pairs, 'sampled', 'cpuUsPerCall'),
      throughputRatioBare: ratios(pairs, 'gateway', 'rps'),
      throughputRatioBareSampled: ratios(pairs, 'sampled', 'rps'),
      threadsUsPerCall: Object.fromEntries(
        (['gateway', 'sampled', 'bare'] as const).map((name) => [
          name,
          {
            mainUser: spread(pairs[name].map((m) => m.mainUserUs)).median,
            mainSystem: spread(pairs[name].map((m) => m.mainSystemUs)).median,
            otherThreads: spread(pairs[name].map((m) => m.otherThreadsUs)).median,
          },
        ]),
      ),
      loadAverage: pairs.loadAverage,
    },
    writerAloneSampling: pairs.writer,
  })
  console.log('\n' + section)
}
