import type { ProfileFrame } from './cpu-profile'
import type { Measurement } from './measure-target'
import type { WriterBenchRow } from './writer-bench'

// The CPU side of the bench report (issue 14): the writer alone, CPU per served call against the
// bare proxy, added latency over interleaved paced rounds, workers with idle time, and the profile.

export type CpuMeasurement = Measurement & { cpuUsPerCall: number; machineIdlePct: number }

export type LatencyRound = { gateway: Measurement; bare: Measurement }

export type CpuReport = {
  writer: WriterBenchRow[]
  spoolCpuUsPerCall?: number
  cpu: Partial<
    Record<'gateway' | 'gatewaySampled' | 'gatewayUncharged' | 'bare' | 'nginx' | 'gateway2' | 'bare2', CpuMeasurement>
  >
  pacedRate?: number
  latencyRounds: LatencyRound[]
  loadAverage: number[]
  cores: number
  profile: ProfileFrame[]
}

const f = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits))
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**')

function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)] ?? NaN, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN }
}

export function addedLatency(rounds: LatencyRound[]) {
  return {
    p50: spread(rounds.map((r) => r.gateway.p50 - r.bare.p50)),
    p99: spread(rounds.map((r) => r.gateway.p99 - r.bare.p99)),
  }
}

export function formatCpuReport(r: CpuReport): string {
  const { gateway, gatewaySampled, gatewayUncharged, bare, nginx, gateway2, bare2 } = r.cpu
  const cpuRatio = gateway && bare ? gateway.cpuUsPerCall / bare.cpuUsPerCall : NaN
  const rpsRatio = gateway && bare ? gateway.rps / bare.rps : NaN
  const row = (name: string, m?: CpuMeasurement) =>
    m
      ? `| ${name} | ${f(m.rps, 0)} | ${f(m.cpuUsPerCall, 1)} | ${bare ? f(m.cpuUsPerCall / bare.cpuUsPerCall) : 'n/a'} | ${f(m.machineIdlePct, 1)} |`
      : `| ${name} | skipped | | | |`
  const added = addedLatency(r.latencyRounds)
  const quiet = r.loadAverage[0] < 1
  return `## CPU per served call

Each target's own CPU time (every thread, the metering writer thread included, and every forked
worker; \`/proc/<pid>/stat\`) over its best maximum-throughput run, divided by the calls it served.
Machine idle is the whole machine's idle share during that run.

| target | req/s | CPU µs per call | × bare | machine idle % |
|---|---:|---:|---:|---:|
${row('gateway, everything on', gateway)}
${row('gateway, everything on, raw log sampled', gatewaySampled)}
${row('gateway, charging off', gatewayUncharged)}
${row('bare undici proxy', bare)}
${row('nginx proxy_pass', nginx)}
${row('gateway, GATEWAY_WORKERS=2', gateway2)}
${row('bare undici proxy, 2 workers', bare2)}

| ratio to the bare proxy | value | target |
|---|---:|---|
| throughput (\`throughputRatioBare\`) | ${f(rpsRatio)} | ≥ 0.85: ${verdict(rpsRatio >= 0.85)} |
| CPU per call (\`cpuPerCallRatioBare\`) | ${f(cpuRatio)} | ≤ 1.2: ${verdict(cpuRatio <= 1.2)} |

Workers: a second worker can only help when the machine has idle CPU. With ${f(gateway?.machineIdlePct, 1)} % idle
at one worker and ${f(gateway2?.machineIdlePct, 1)} % at two, and CPU per call ${f(gateway?.cpuUsPerCall, 1)} → ${f(gateway2?.cpuUsPerCall, 1)} µs,
the table shows whether the second worker found a core or only added contention.

## The metering writer alone

${r.writer.length === 0 ? 'not measured' : `| engine | rows | rows/s | CPU µs per row |\n|---|---:|---:|---:|\n${r.writer.map((w) => `| ${w.engine}${w.sampled ? ', raw log sampled' : ''} | ${w.rows} | ${f(w.rowsPerSec, 0)} | ${f(w.cpuUsPerRow, 1)} |`).join('\n')}`}

The spool (append-only file, groups of ≤ 10 ms) costs ${f(r.spoolCpuUsPerCall, 1)} µs of CPU per call on top.
CPU per row is the bench process's (\`process.cpuUsage()\`, every thread): for SQLite the writer
thread's SQL plus the hand-over; for PostgreSQL the node-postgres driver's side only (the server's own CPU is not counted).

## Added latency under the same paced load (${r.pacedRate ?? 'n/a'} req/s, ${r.latencyRounds.length} interleaved rounds)

Gateway and bare proxy alternate, round after round, at the same open-loop rate; the added latency
is gateway minus bare within a round.

| round | gateway p50 | bare p50 | gateway p99 | bare p99 |
|---|---:|---:|---:|---:|
${r.latencyRounds.map((x, i) => `| ${i + 1} | ${f(x.gateway.p50)} | ${f(x.bare.p50)} | ${f(x.gateway.p99)} | ${f(x.bare.p99)} |`).join('\n')}

Added p50: **${f(added.p50.median)} ms** (rounds ${f(added.p50.min)} to ${f(added.p50.max)}); added p99: **${f(added.p99.median)} ms**
(rounds ${f(added.p99.min)} to ${f(added.p99.max)}). Target: p99 under 2 ms on a quiet machine.
${quiet ? 'The machine was quiet (1-minute load average under 1).' : `**The machine was not quiet**: load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) on ${r.cores} cores during the run (other work shared it), so the p99 column measures scheduling stalls as much as the gateway.`}

## Where the gateway's CPU goes (\`node --cpu-prof\`, self time, main and writer threads)

The profile covers the whole life of a short run (start, 2 s warm-up, the measured load); on a
loaded machine the start-up (tokenizer tables, tsx's module hooks in both threads) shows up
beside the per-call work (socket writes, garbage collection, the writer thread's transaction).

| function | where | self % |
|---|---|---:|
${r.profile.map((p) => `| \`${p.name}\` | ${p.where || '(native)'} | ${f(p.selfPct, 1)} |`).join('\n')}
`
}
