// `npm test`: the whole suite. Unit and integration tests (vitest, real SQLite files and real
// HTTP upstreams), then end-to-end tests in Debian's Chromium through Playwright.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadLocalEnv, ROOT } from './lib/local-env.mjs'
import { run, runOrExit } from './lib/run.mjs'

loadLocalEnv()
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`)
    process.exit(1)
  }
  console.log("Installing Debian's Chromium for the end-to-end tests…")
  await runOrExit('apt-get', ['update', '-qq'])
  await runOrExit('apt-get', ['install', '-y', '-qq', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
}

const bin = (name) => path.join(ROOT, 'node_modules/.bin', name)
const only = process.argv[2] // optional: "unit" or "e2e"

await ensureChromium()
let failed = false
if (only !== 'e2e') failed = (await run(bin('vitest'), ['run'])) !== 0 || failed
if (only !== 'unit') failed = (await run(bin('playwright'), ['test'])) !== 0 || failed
process.exit(failed ? 1 : 0)
