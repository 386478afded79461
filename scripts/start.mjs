// `npm start`: migrate the database, seed demo data on first run, build if needed, then serve the
// console and the gateway on one port. `npm run dev` does the same with Next's dev server.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { loadLocalEnv, ROOT } from './lib/local-env.mjs'
import { runOrExit } from './lib/run.mjs'

const dev = process.argv.includes('--dev')
loadLocalEnv()
process.env.NODE_ENV = dev ? 'development' : 'production'

// The built-in demo upstream listens on 127.0.0.1, and the outbound policy refuses loopback and
// private addresses unless an operator allows them. While the demo runs, allow them (an explicit
// setting, even an empty one, wins); with DEMO_UPSTREAM=off the safe default stays.
if (process.env.DEMO_UPSTREAM !== 'off' && process.env.TOLLGATE_ALLOW_PRIVATE_UPSTREAMS === undefined) {
  process.env.TOLLGATE_ALLOW_PRIVATE_UPSTREAMS = '1'
  console.log(
    'Private upstreams allowed for the demo upstream (TOLLGATE_ALLOW_PRIVATE_UPSTREAMS=1); in production set DEMO_UPSTREAM=off.',
  )
}

const tsx = path.join(ROOT, 'node_modules/.bin/tsx')
const next = path.join(ROOT, 'node_modules/.bin/next')

await runOrExit(process.execPath, ['scripts/db-migrate.mjs'])
await runOrExit(tsx, ['prisma/seed/run-seed.ts', '--if-empty'])

if (!dev && needsBuild()) {
  console.log('Building the console (first run or sources changed)…')
  await runOrExit(next, ['build'])
}

const port = process.env.PORT ?? '3000'
console.log(`\nTollgate: http://localhost:${port}  (gateway at http://localhost:${port}/gw/…)`)
console.log(`Demo sign-in: owner@acme.test / ${process.env.SEED_PASSWORD ?? 'tollgate-demo'}\n`)
await runOrExit(tsx, ['server/index.ts', ...(dev ? ['--dev'] : [])])

/** A build is needed when there is none, or any source file is newer than it. */
function needsBuild() {
  const buildId = path.join(ROOT, '.next/BUILD_ID')
  if (!existsSync(buildId)) return true
  const builtAt = statSync(buildId).mtimeMs
  const newest = (dir) => {
    let latest = 0
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
    }
    return latest
  }
  const sources = ['app', 'components', 'lib', 'generated'].map((dir) => path.join(ROOT, dir)).filter(existsSync)
  return sources.some((dir) => newest(dir) > builtAt)
}
