// The server Playwright starts: a fresh SQLite database with demo data, on its own ports, so an
// e2e run never touches the developer's data/tollgate.db or a running `npm start`.
import { rmSync } from 'node:fs'
import path from 'node:path'
import { OIDC_CLIENT, startOidcIssuer } from '../e2e/fixtures/oidc-issuer.mjs'
import { ROOT } from './lib/local-env.mjs'
import { runOrExit } from './lib/run.mjs'

const dbFile = path.join(ROOT, 'data/e2e.db')
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true })

process.env.DATABASE_URL = `file:${dbFile}`
process.env.PORT ??= '3100'
process.env.DEMO_UPSTREAM_PORT ??= '4110'
process.env.SEED_API_KEY ??= 'tg_test_e2eglobexdemokey0000000001'
process.env.SEED_API_KEY_INITECH ??= 'tg_test_e2einitechdemokey000000001'

// Single sign-on against a real OpenID provider in this process (e2e/oidc.spec.ts signs in
// through it), with team roles from its groups claim.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? Number(process.env.PORT) + 5)
const { issuer } = await startOidcIssuer({
  port: oidcPort,
  redirectUri: `http://127.0.0.1:${process.env.PORT}/api/auth/callback/oidc`,
})
process.env.AUTH_OIDC_ISSUER = issuer
process.env.AUTH_OIDC_CLIENT_ID = OIDC_CLIENT.id
process.env.AUTH_OIDC_CLIENT_SECRET = OIDC_CLIENT.secret
process.env.AUTH_OIDC_NAME = 'Test IdP'
process.env.AUTH_OIDC_GROUPS_CLAIM = 'groups'

await runOrExit(process.execPath, ['scripts/start.mjs'])
