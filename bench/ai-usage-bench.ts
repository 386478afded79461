// `npm run bench -- ai-usage`: the server time of /t/[team]/ai/usage on `npm run seed:large` AI
// traffic (issue 11: under 300 ms). The database is the demo seed plus the large seed, built once
// into a SQLite file that later runs reuse (BENCH_AI_USAGE_DB names another file;
// BENCH_AI_INVOCATIONS sizes the call history, default seed:large's own 5M, about 3.5 min to seed
// on 2 cores). Each figure is the page's own loaders
// (loadAiUsageDashboard, with teamOwnsAiApis before it, as the page runs them) for one team, view
// and range: median and p95 of BENCH_AI_RUNS runs (default 15) after two warm-up runs, and the
// median CPU time the process spent on it (SQLite runs in-process, so this is the page's own work,
// which a loaded machine's queueing does not inflate the way it does wall time). The result
// replaces the "ai-usage" section of bench/results.md and leaves the other sections alone. Then the
// same cases as whole pages over HTTP (page-over-http.ts): `npm start` on this database, signed in.
import { existsSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { migrate } from '../scripts/db-migrate.mjs'
import { markSection, readResults, withSection, writeResults } from './results-sections'
import { timePagesOverHttp } from './page-over-http'

const file = process.env.BENCH_AI_USAGE_DB ?? path.join(os.tmpdir(), 'tollgate-bench-ai-usage', 'large.db')
const runs = Math.max(3, Number(process.env.BENCH_AI_RUNS ?? 15))
const TARGET_MS = 300

mkdirSync(path.dirname(file), { recursive: true })
const url = `file:${file}`
// The loaders read the process's one client (lib/db.ts), which opens DATABASE_URL on first use.
process.env.DATABASE_URL = url
process.env.TOLLGATE_ALLOW_PRIVATE_UPSTREAMS = '1'

const { db, disconnectDb } = await import('../lib/db')
const { runSeed } = await import('../prisma/seed/seed-demo')
const { runSeedLarge, DEFAULT_LARGE_OPTIONS } = await import('../prisma/seed/seed-large')
const invocations = Number(process.env.BENCH_AI_INVOCATIONS ?? DEFAULT_LARGE_OPTIONS.invocations)
const { readSeedConfig } = await import('../prisma/seed/seed-config')
const { loadAiUsageDashboard } = await import('../lib/analytics/ai-usage/load-ai-usage-dashboard')
const { teamOwnsAiApis } = await import('../lib/analytics/ai-usage/ai-usage-query')
const { resolveDashboardWindow } = await import('../lib/analytics/dashboard-window')

const fresh = !existsSync(file)
await migrate(url)
if (fresh || (await db.user.count()) === 0) await runSeed(db, readSeedConfig())
const seedStarted = performance.now()
await runSeedLarge(db, { invocations }, (message) => console.log(message))
const seedSeconds = (performance.now() - seedStarted) / 1000

const rows = {
  invocations: await db.invocation.count(),
  aiInvocations: await db.invocation.count({ where: { model: { not: null } } }),
  aiUsageRollups: await db.aiUsageRollup.count(),
  aiLatencyRollups: await db.aiLatencyRollup.count(),
}
console.log(`ai-usage bench: ${JSON.stringify(rows)} (seeding ${seedSeconds.toFixed(0)} s)`)

type Case = { team: string; view: 'owner' | 'consumer'; range: '24h' | '7d' | '30d' }
const CASES: Case[] = (['24h', '7d', '30d'] as const).flatMap((range) => [
  { team: 'acme', view: 'owner' as const, range },
  { team: 'globex', view: 'consumer' as const, range },
])

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]

const results = []
for (const c of CASES) {
  const team = await db.team.findUniqueOrThrow({ where: { slug: c.team }, select: { id: true } })
  const scope = { teamId: team.id }
  let calls = 0
  const cpu: number[] = []
  const once = async () => {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    await teamOwnsAiApis(scope)
    const dashboard = await loadAiUsageDashboard(scope, { view: c.view, window: resolveDashboardWindow(c.range) })
    calls = dashboard.summary.calls
    const used = process.cpuUsage(cpuStarted)
    cpu.push((used.user + used.system) / 1000)
    return performance.now() - started
  }
  await once()
  await once()
  cpu.length = 0
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await once())
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const result = { ...c, calls, median: quantile(times, 0.5), p95: quantile(times, 0.95), cpu: quantile(cpu, 0.5) }
  console.log(
    `ai-usage ${c.team} ${c.view} ${c.range}: ${calls} calls, median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, CPU ${result.cpu.toFixed(1)} ms`,
  )
  results.push(result)
}
await disconnectDb()

// The same cases as whole pages: `npm start` on this database, signed in as each team's owner.
const pageTimings = await timePagesOverHttp(
  url,
  CASES.map((c) => ({
    email: `owner@${c.team}.test`,
    path: `/t/${c.team}/ai/usage?range=${c.range}&view=${c.view}`,
    expect: 'AI usage',
  })),
  runs,
)
const pages = pageTimings.map((timing, i) => {
  const sorted = [...timing.times].sort((a, b) => a - b)
  const page = { ...CASES[i], kib: timing.bytes / 1024, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }
  console.log(`ai-usage page ${timing.path}: median ${page.median.toFixed(1)} ms, p95 ${page.p95.toFixed(1)} ms`)
  return page
})

const worstP95 = Math.max(...results.map((r) => r.p95))
const worstPageP95 = Math.max(...pages.map((p) => p.p95))
const count = (n: number) => n.toLocaleString('en-US')
const section = markSection(
  'ai-usage',
  `## AI usage page (server time)

Run by \`npm run bench -- ai-usage\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)} during the run), Node
${process.version}, SQLite. The database is the demo seed plus \`npm run seed:large\` with
${count(invocations)} calls asked for: ${count(rows.invocations)} invocations, ${count(rows.aiInvocations)} of them AI calls,
${count(rows.aiUsageRollups)} AiUsageRollup and ${count(rows.aiLatencyRollups)} AiLatencyRollup rows. Each time is the page's loaders
(\`teamOwnsAiApis\`, then \`loadAiUsageDashboard\`: every figure of the page), ${runs} runs after two
warm-ups. Target: under ${TARGET_MS} ms: ${worstP95 < TARGET_MS && worstPageP95 < TARGET_MS ? 'met' : '**not met**'} (worst p95 ${worstP95.toFixed(0)} ms for the loaders, ${worstPageP95.toFixed(0)} ms for the whole page).

| team | view | range | AI calls in range | median | p95 | CPU (median) |
|---|---|---|---:|---:|---:|---:|
${results.map((r) => `| ${r.team} | ${r.view} | ${r.range} | ${count(r.calls)} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.cpu.toFixed(1)} ms |`).join('\n')}

The whole page, as a browser gets it: \`npm start\` (the production build) on the same database,
signed in through Auth.js as each team's owner, ${runs} GETs of \`/t/<team>/ai/usage?range=…&view=…\`
after two warm-ups, timed from the request to the last byte of the HTML on loopback (session
check, loaders, React render and streaming).

| team | view | range | HTML | median | p95 |
|---|---|---|---:|---:|---:|
${pages.map((p) => `| ${p.team} | ${p.view} | ${p.range} | ${p.kib.toFixed(0)} KiB | ${p.median.toFixed(1)} ms | ${p.p95.toFixed(1)} ms |`).join('\n')}
`,
)
writeResults(withSection(readResults(), 'ai-usage', section))
console.log('\n' + section)
