import os from 'node:os'
import { measure, type Measurement } from './measure-target'
import { seedBenchAi } from './seed-bench-ai'
import { freePort, NODE, spawnGateway, spawnTarget, tsArgs } from './spawn-target'
import { markSection } from './results-sections'

// The AI row of `npm run bench`: streamed chat completions through the gateway (key, subscription,
// tokenizer count, worst-case reservation, translation, usage settlement, metering) against the
// same calls straight to the demo AI provider, as a ratio. The provider streams without pauses
// (chunk_delay=0), so the numbers measure the gateway, not the demo's pacing.

export type AiReport = {
  connections: number
  duration: number
  rounds: number
  cores: number
  gateway: Measurement
  direct: Measurement
  charged: { calls: number; ledgerCalls: number; ok: boolean }
}

const WARMUP_SEC = 3
const BODY = JSON.stringify({
  model: 'demo-gpt',
  stream: true,
  stream_options: { include_usage: true },
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Summarise what an API gateway does in one short paragraph.' }],
})

export async function runAiBench(options: {
  connections: number
  duration: number
  rounds: number
}): Promise<AiReport> {
  const port = await freePort()
  const provider = await spawnTarget(
    'demo AI provider',
    NODE,
    tsArgs('bench/ai-upstream.ts'),
    { PORT: String(port) },
    port,
  )
  const base = `${provider.url}/ai/chunk_delay=0/openai/v1`
  const seeded = await seedBenchAi(base)
  try {
    const gateway = await spawnGateway(seeded.url, 1)
    const auth = { authorization: `Bearer ${seeded.key}` }
    const run = (url: string, headers?: Record<string, string>, durationSec = options.duration) =>
      measure({ url, headers, body: BODY, durationSec, connections: options.connections })
    let report: Omit<AiReport, 'charged'>
    try {
      await run(gateway.url + seeded.path, auth, WARMUP_SEC)
      await run(`${base}/chat/completions`, undefined, WARMUP_SEC)
      // Interleaved rounds, best of each, as for the REST rows: background load on a small shared
      // machine otherwise decides the ratio.
      let viaGateway: Measurement | null = null
      let direct: Measurement | null = null
      for (let round = 0; round < options.rounds; round++) {
        const g = await run(gateway.url + seeded.path, auth)
        const d = await run(`${base}/chat/completions`)
        if (!viaGateway || g.rps > viaGateway.rps) viaGateway = g
        if (!direct || d.rps > direct.rps) direct = d
      }
      report = {
        connections: options.connections,
        duration: options.duration,
        rounds: options.rounds,
        cores: os.cpus().length,
        gateway: viaGateway!,
        direct: direct!,
      }
    } finally {
      // SIGTERM: the metering writer flushes every charge before the process exits.
      await gateway.stop()
    }
    const served = await seeded.db.invocation.count({ where: { status: 200 } })
    const charged = await seeded.db.invocation.count({ where: { status: 200, costMicros: { gt: 0n } } })
    const ledger = await seeded.db.ledgerEntry.aggregate({ where: { kind: 'CHARGE' }, _sum: { amountMicros: true } })
    const costs = await seeded.db.invocation.aggregate({ _sum: { costMicros: true } })
    const ok = served === charged && -(ledger._sum.amountMicros ?? 0n) === (costs._sum.costMicros ?? 0n)
    console.log(
      `AI streamed: gateway ${report.gateway.rps.toFixed(0)} req/s, direct ${report.direct.rps.toFixed(0)} req/s; ${served} served, ledger ${ok ? 'exact' : 'MISMATCH'}`,
    )
    return { ...report, charged: { calls: served, ledgerCalls: charged, ok } }
  } finally {
    await seeded.db.$disconnect()
    await provider.stop()
  }
}

const f = (n: number, digits = 2) => (Number.isNaN(n) ? 'n/a' : n.toFixed(digits))

/** The "## AI gateway" section of bench/results.md; it is always the file's last section. */
export function formatAiSection(r: AiReport): string {
  const row = (name: string, m: Measurement) =>
    `| ${name} | ${f(m.rps, 0)} | ${f(m.p50)} | ${f(m.p99)} | ${m.non2xx} | ${m.errors} |`
  return markSection(
    'ai',
    `## AI gateway: streamed chat completions

Measured on ${new Date().toISOString().slice(0, 10)} (\`BENCH_ONLY=ai npm run bench\` runs just this row):
${r.connections} connections, ${r.duration} s per run after a 3 s warm-up, best of ${r.rounds} interleaved rounds. Each call streams a
completion of up to 64 tokens from the demo AI provider (OpenAI format, no pauses between chunks).
The provider answers in a few milliseconds, so the ratio is the gateway's whole per-call cost
(validation, tokenizer, reservation, translation, metering); in front of a real model, whose answer
takes hundreds of milliseconds, that cost weighs far less (not measured here). Load generator, gateway and provider share the machine's ${r.cores} cores.

| target | req/s | p50 ms | p99 ms | non-2xx | errors |
|---|---:|---:|---:|---:|---:|
${row('Tollgate gateway (auth, tokenizer, reservation, translation, settlement, metering)', r.gateway)}
${row('straight to the demo AI provider', r.direct)}

| ratio | value |
|---|---:|
| gateway / direct | ${f(r.gateway.rps / r.direct.rps)} |

After SIGTERM the database held ${r.charged.calls} served AI calls, ${r.charged.ledgerCalls} of them charged, and the
ledger's CHARGE entries sum to the calls' costs: ${r.charged.ok ? '**exact**' : '**MISMATCH**'}.
`,
  )
}
