// `npm run bench`: Tollgate's gateway (key auth, subscription, lifecycle, rate limit, charging and
// metering all on) against itself with charging off, a bare undici proxy, nginx proxy_pass and the
// upstream itself, at equal worker counts. Writes bench/results.md (`npm run bench -- contracts`
// measures contracts instead: contracts-bench.ts). BENCH_DURATION (s, default 10), BENCH_WORKERS (default 1),
// BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default 2: best of N interleaved runs per target).
// The AI row (streamed chat completions, bench/ai-bench.ts) runs last; BENCH_ONLY=ai runs just it.
// Each run rewrites only its own sections of bench/results.md (results-sections.ts).
import os from 'node:os'
import { formatAiSection, runAiBench } from './ai-bench'
import { measure, type Measurement } from './measure-target'
import { readResults, withSection, writeResults } from './results-sections'
import { nginxBinary, startNginx } from './nginx-target'
import { pacedLoad } from './paced-load'
import { formatReport, type Report } from './format-report'
import { BENCH_PRICE_MICROS, seedBenchDb } from './seed-bench-db'
import { freePort, NODE, spawnBenchUpstream, spawnGateway, spawnTarget, tsArgs, type Target } from './spawn-target'
import { runAndWriteScaleOut } from './scale-out-bench'

// `npm run bench -- contracts` measures contracts only (contracts-bench.ts).
if (process.argv.includes('ai-usage')) await import('./ai-usage-bench').then(() => process.exit(0))
if (process.argv.includes('contracts')) {
  await import('./contracts-bench')
  process.exit(0)
}

const duration = Number(process.env.BENCH_DURATION ?? 10)
const workers = Number(process.env.BENCH_WORKERS ?? 1)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2))
const WARMUP_SEC = 3

if (process.env.BENCH_ONLY === 'ai') {
  const section = formatAiSection(await runAiBench({ connections, duration, rounds }))
  writeResults(withSection(readResults(), 'ai', section))
  console.log('\n' + section)
  process.exit(0)
}

async function withTarget<T>(start: () => Promise<Target>, run: (target: Target) => Promise<T>): Promise<T> {
  const target = await start()
  try {
    return await run(target)
  } finally {
    await target.stop()
  }
}

async function maxLoad(name: string, url: string, headers?: Record<string, string>): Promise<Measurement> {
  await measure({ url, headers, durationSec: WARMUP_SEC, connections })
  const result = await measure({ url, headers, durationSec: duration, connections })
  console.log(
    `${name.padEnd(22)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  non2xx ${result.non2xx} errors ${result.errors}`,
  )
  return result
}

const upstream = await spawnBenchUpstream()
const upstreamPort = Number(new URL(upstream.url).port)
const upstreamUrl = upstream.url
const seeded = await seedBenchDb(upstreamUrl)
const auth = { authorization: `Bearer ${seeded.key}` }
const upstreamPath = '/weather/current?city=Oslo'

const startGateway = (n: number, charging: 'on' | 'off' = 'on') => spawnGateway(seeded.url, n, charging)
const startBare = async (n: number) => {
  const port = await freePort()
  return spawnTarget(
    `bare x${n}`,
    NODE,
    tsArgs('bench/bare-proxy.ts'),
    { PORT: String(port), UPSTREAM_URL: upstreamUrl, BENCH_WORKERS: String(n) },
    port,
  )
}
const nginx = nginxBinary()
if (!nginx) console.log('nginx not installed: apt-get install -y nginx')

console.log(
  `\nTollgate bench: ${os.cpus().length} cores, ${workers} worker(s), ${connections} connections, ${duration} s per run\n`,
)
const report: Report = {
  rounds,
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? '?',
  workers,
  connections,
  duration,
  node: process.version,
  max: {},
  half: {},
  scaling: {},
}

try {
  // 1. Maximum throughput. Targets are measured in turns, BENCH_ROUNDS times, and each keeps its
  // best run: on a small shared machine, background load otherwise decides which target "wins".
  const gatewayRows = { before: 0, chargedBefore: 0n, served2xx: 0, non2xx: 0 }
  await withTarget(
    () => startGateway(workers),
    async (gw) => {
      const bare = await startBare(workers)
      const uncharged = await startGateway(workers, 'off')
      const nginxTarget = nginx ? await startNginx(nginx, upstreamPort, await freePort(), workers) : null
      try {
        const plan: Array<[keyof Report['max'], string, string, Record<string, string> | undefined]> = [
          ['gateway', 'gateway', gw.url + seeded.path, auth],
          ['gatewayUncharged', 'gateway, charging off', uncharged.url + seeded.path, auth],
          ['bare', 'bare undici proxy', bare.url + upstreamPath, undefined],
          ...(nginxTarget
            ? [
                ['nginx', 'nginx proxy_pass', nginxTarget.url + upstreamPath, undefined] as [
                  keyof Report['max'],
                  string,
                  string,
                  undefined,
                ],
              ]
            : []),
          ['direct', 'direct upstream', upstreamUrl + upstreamPath, undefined],
        ]
        for (let round = 0; round < rounds; round++) {
          for (const [key, name, url, headers] of plan) {
            const result = await maxLoad(`${name} (round ${round + 1})`, url, headers)
            if (!report.max[key] || result.rps > report.max[key]!.rps) report.max[key] = result
          }
        }
      } finally {
        await bare.stop()
        await uncharged.stop()
        await nginxTarget?.stop()
      }

      // 2. Latency at half of the gateway's maximum rate, gateway vs bare vs direct.
      const rate = Math.max(100, Math.round(report.max.gateway!.rps / 2))
      report.halfRate = rate
      report.half.gateway = await pacedLoad({ url: gw.url + seeded.path, headers: auth, durationSec: duration, rate })
      report.half.bare = await withTarget(
        () => startBare(workers),
        (bare) => pacedLoad({ url: bare.url + upstreamPath, durationSec: duration, rate }),
      )
      report.half.direct = await pacedLoad({ url: upstreamUrl + upstreamPath, durationSec: duration, rate })
      for (const [name, m] of Object.entries(report.half))
        console.log(
          `half load ${name.padEnd(12)} p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms at ${rate} req/s`,
        )

      // 3. Exactness: a fixed number of calls, then SIGTERM (the writer flushes), then count rows.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      gatewayRows.before = await seeded.db.invocation.count()
      gatewayRows.chargedBefore = await chargedSoFar()
      const exact = await measure({ url: gw.url + seeded.path, headers: auth, amount: 20_000, connections })
      gatewayRows.served2xx = exact.count2xx
      gatewayRows.non2xx = exact.non2xx + exact.errors
    },
  )
  const rows = (await seeded.db.invocation.count()) - gatewayRows.before
  const charges = Number(((await chargedSoFar()) - gatewayRows.chargedBefore) / BENCH_PRICE_MICROS)
  const ok = rows === gatewayRows.served2xx && charges === gatewayRows.served2xx && gatewayRows.non2xx === 0
  report.exactness = { calls2xx: gatewayRows.served2xx, rows, charges, ok }
  console.log(
    `exactness: ${gatewayRows.served2xx} 2xx answers → ${rows} Invocation rows, ${charges} charges (${ok ? 'exact' : 'MISMATCH'})`,
  )

  // 4. Scaling with GATEWAY_WORKERS=2 (and the bare proxy with 2 workers, for the ratio).
  report.scaling.gateway2 = await withTarget(
    () => startGateway(2),
    (gw) => maxLoad('gateway x2', gw.url + seeded.path, auth),
  )
  report.scaling.bare2 = await withTarget(
    () => startBare(2),
    (bare) => maxLoad('bare x2', bare.url + upstreamPath),
  )
} finally {
  await upstream.stop()
  await seeded.db.$disconnect()
}

/** Calls charged so far, from the ledger (charges are negative entries). */
async function chargedSoFar(): Promise<bigint> {
  const sum = await seeded.db.ledgerEntry.aggregate({
    where: { teamId: seeded.consumerTeamId, kind: 'CHARGE' },
    _sum: { amountMicros: true },
  })
  return -(sum._sum.amountMicros ?? 0n)
}

const previous = readResults()
const markdown = withSection(
  withSection(formatReport(report), 'ai', formatAiSection(await runAiBench({ connections, duration, rounds }))),
  'contracts',
  null, // measured by its own run (npm run bench -- contracts): kept as it was
  previous,
)
writeResults(markdown)
console.log('\n' + markdown)

// Scale-out (issue 14): PostgreSQL propagation lag and two instances sharing Redis, with their keys in results.json.
await runAndWriteScaleOut(connections)
