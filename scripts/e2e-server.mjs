// The server Playwright starts: a fresh SQLite database with demo data, on its own ports, so an
// e2e run never touches the developer's data/tollgate.db or a running `npm start`.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './lib/local-env.mjs'
import { runOrExit } from './lib/run.mjs'

const dbFile = path.join(ROOT, 'data/e2e.db')
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true })

process.env.DATABASE_URL = `file:${dbFile}`
process.env.PORT ??= '3100'
process.env.DEMO_UPSTREAM_PORT ??= '4110'
process.env.SEED_API_KEY ??= 'tg_test_e2eglobexdemokey0000000001'
process.env.SEED_API_KEY_INITECH ??= 'tg_test_e2einitechdemokey000000001'
await runOrExit(process.execPath, ['scripts/start.mjs'])
