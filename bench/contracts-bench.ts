// `npm run bench -- contracts`: what real-world contracts cost (issue 13's targets). Each figure
// comes from a process of its own (contracts-measure.ts), so a peak RSS is that step's alone:
// validating and storing Stripe's and GitHub's documents, the server render of their reference
// pages and Azure's, and the diff between two GitHub Enterprise Server releases. The result
// replaces the "Contracts" section of bench/results.md and leaves the gateway's figures alone.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { markSection, readResults, RESULTS_FILE, withSection, writeResults } from './results-sections'
import { NODE, ROOT, tsArgs } from './spawn-target'

type Measured = Record<string, number>

function measure(...args: string[]): Measured {
  const out = execFileSync(NODE, [...tsArgs('bench/contracts-measure.ts'), ...args], {
    cwd: ROOT,
    // The versions' upstream is a local address, which the outbound policy refuses by default.
    env: { ...process.env, NODE_ENV: 'production', TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = out.trim().split('\n').pop()!
  console.log(`contracts ${args.join(' ').padEnd(40)} ${line}`)
  return JSON.parse(line) as Measured
}

const met = (ok: boolean) => (ok ? 'met' : '**not met**')
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

const stripe = measure('save', 'stripe')
const stripeStarted = measure('save', 'stripe', 'prewarmed')
const github = measure('save', 'github-api')
const githubStarted = measure('save', 'github-api', 'prewarmed')
const renders = (['stripe', 'github-api', 'azure-network-applicationGateway'] as const).map(
  (name): { name: string; m: Measured } => ({ name, m: measure('render', name) }),
)
const diff = measure('diff')

const section = markSection(
  'contracts',
  `## Contracts

Run by \`npm run bench -- contracts\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores,
Node ${process.version}, SQLite, each figure from a fresh process (peak RSS is that process's, worker
threads included). The documents are in \`lib/openapi/fixtures/real-world\`.

"Cold" is the first save in a process that has never validated a contract: it starts the
validation worker and loads the parser into it. A server does that when it starts
(server/index.ts prewarms one worker at the default heap, which covers contracts up to about
3 MB), so "after start" is the first save a user meets; "warm" is the next save in the same
process. The targets are judged on the first save a user meets. Peak RSS is after the first save.

| validate and store | size | cold | after start | warm | peak RSS | target |
|---|---:|---:|---:|---:|---:|---|
| Stripe | ${(stripe.bytes / 1e6).toFixed(1)} MB | ${seconds(stripe.ms)} | ${seconds(stripeStarted.ms)} | ${seconds(stripe.warmMs)} | ${stripeStarted.peakRssMb} MB | < 3 s and 500 MB: ${met(stripeStarted.ms < 3000 && stripeStarted.peakRssMb < 500)} |
| GitHub | ${(github.bytes / 1e6).toFixed(1)} MB | ${seconds(github.ms)} | ${seconds(githubStarted.ms)} | ${seconds(github.warmMs)} | ${githubStarted.peakRssMb} MB | < 10 s and 1 GB: ${met(githubStarted.ms < 10_000 && githubStarted.peakRssMb < 1024)} |

| reference page (server render, median of 5) | operations | time | HTML | open one operation (cold / warm) | target |
|---|---:|---:|---:|---:|---|
${renders
  .map(
    ({ name, m }) =>
      `| ${name} | ${m.operations} | ${m.ms.toFixed(0)} ms | ${Math.round(m.htmlBytes / 1024)} KB | ${m.coldOpenMs.toFixed(0)} / ${m.warmOpenMs.toFixed(0)} ms | < 500 ms: ${met(m.ms < 500)} |`,
  )
  .join('\n')}

| diff | changes | breaking | time (parse + diff) | diff alone | target |
|---|---:|---:|---:|---:|---|
| GitHub Enterprise Server 3.17 → 3.18 | ${diff.changes} | ${diff.breaking} | ${seconds(diff.ms)} | ${seconds(diff.diffMs)} | < 5 s: ${met(diff.ms < 5000)} |
`,
)

writeResults(withSection(readResults(), 'contracts', section))
console.log(`wrote ${path.relative(ROOT, RESULTS_FILE)}`)
