import type { Measurement } from './measure-target'

// Renders the benchmark as bench/results.md: the table, the ratios against the design's targets
// (DESIGN.md "Performance targets") and how the numbers were taken.

export type Report = {
  rounds: number
  cores: number
  cpu: string
  node: string
  workers: number
  connections: number
  duration: number
  max: Partial<Record<'gateway' | 'gatewaySampled' | 'gatewayUncharged' | 'bare' | 'nginx' | 'direct', Measurement>>
  exactness?: { calls2xx: number; rows: number; charges: number; ok: boolean }
  scaling: Partial<Record<'gateway2' | 'bare2', Measurement>>
}

const f = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits))
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**')

export function formatReport(r: Report): string {
  const { gateway, gatewaySampled, gatewayUncharged, bare, nginx, direct } = r.max
  const row = (name: string, m?: Measurement) =>
    m
      ? `| ${name} | ${f(m.rps, 0)} | ${f(m.p50)} | ${f(m.p99)} | ${m.non2xx} | ${m.errors} |`
      : `| ${name} | skipped | | | | |`
  const ratio = (a?: Measurement, b?: Measurement) => (a && b ? a.rps / b.rps : NaN)
  const gb = ratio(gateway, bare)
  const gn = ratio(gateway, nginx)
  const gd = ratio(gateway, direct)
  const charged = ratio(gateway, gatewayUncharged)
  const g2 = r.scaling.gateway2
  const b2 = r.scaling.bare2
  return `# Gateway benchmark

Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${r.cores} cores (${r.cpu}), Node ${r.node},
${r.workers} worker(s) per target, ${r.connections} connections, ${r.duration} s per run after a 3 s warm-up;
the maximum-throughput table keeps each target's best of ${r.rounds} interleaved rounds.
autocannon, the targets and the upstream all share the same ${r.cores} cores.

## Maximum throughput

| target | req/s | p50 ms | p99 ms | non-2xx | errors |
|---|---:|---:|---:|---:|---:|
${row('Tollgate gateway (auth + subscription + lifecycle + rate limit + charging + metering)', gateway)}
${row('Tollgate gateway, raw log sampled above 100 calls/s (`INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND`)', gatewaySampled)}
${row('Tollgate gateway, charging off (`GATEWAY_CHARGING=off`)', gatewayUncharged)}
${row('bare undici pass-through (`bench/bare-proxy.ts`)', bare)}
${row('nginx `proxy_pass` (keep-alive upstream)', nginx)}
${row('direct to the upstream', direct)}

| ratio | value | target |
|---|---:|---|
| gateway / bare | ${f(gb)} | ≥ 0.85: ${verdict(gb >= 0.85)} |
| gateway / nginx | ${f(gn)} | ≥ 0.35: ${nginx ? verdict(gn >= 0.35) : 'nginx not installed'} |
| gateway / direct | ${f(gd)} | (information) |
| charging on / charging off | ${f(charged)} | (information: what billing costs) |

## Metering exactness

${r.exactness ? `${r.exactness.calls2xx} calls answered 2xx; after SIGTERM (the writer flushes) the database held ${r.exactness.rows} new Invocation rows and ${r.exactness.charges} calls' worth of CHARGE ledger entries: ${r.exactness.ok ? '**exact**, no call charged twice' : '**MISMATCH**'}.` : 'not measured'}

## Scaling with GATEWAY_WORKERS=2

| target | 1 worker req/s | 2 workers req/s | speed-up |
|---|---:|---:|---:|
| gateway | ${f(gateway?.rps, 0)} | ${f(g2?.rps, 0)} | ${f(ratio(g2, gateway))}× |
| bare undici proxy | ${f(bare?.rps, 0)} | ${f(b2?.rps, 0)} | ${f(ratio(b2, bare))}× |

With ${r.cores} cores shared by the load generator, the upstream and the proxy, a second worker
can only use what the others leave; expect more on a machine with spare cores.

## How it was measured

- Each target runs in its own process; the upstream (\`bench/bench-upstream.ts\`) is a plain
  node:http server answering a 70-byte JSON body.
- The gateway is \`server/gateway-only.ts\` against a migrated temporary SQLite database, with a
  real key, an ACTIVE subscription on a rate-limited paid plan (0.0001 USD a call, reserved in
  memory against a credit lease and charged through the metering writer), and the metering
  writer on. "Charging off" is the same process with \`GATEWAY_CHARGING=off\`.
- Latency percentiles come from autocannon's per-response timings (sub-millisecond), 2xx only.
- The exactness run fires 20,000 calls with \`amount\`, so no call is cut off mid-flight.
- The metering writer commits through its spool (\`lib/metering/call-spool.ts\`), as in production.

## Where the gateway's time goes

See "CPU per served call" and the profile below: what each call costs in the gateway's process
(every thread), against the bare proxy, and the functions that spend it.
`
}
