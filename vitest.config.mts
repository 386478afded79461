import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', 'generated/**', 'data/**'],
    environment: 'node',
    globalSetup: ['lib/testing/global-setup.ts'],
    pool: 'forks',
    // Vitest's default on a 2-core machine is one fork (cores - 1), which leaves a core idle while
    // a file waits on its upstreams, its gateway processes or PostgreSQL. Two forks keep both busy;
    // every file has its own database and ports, so files never share state. --maxWorkers overrides.
    maxWorkers: 2,
    // One module registry per fork, not one per file. Isolated, every file imported both generated
    // Prisma clients, next-auth, the OpenAPI tooling and the gateway afresh and ran them cold:
    // imports were 100-344 s of the suite's summed time (load 5-16), 15 s shared. This is safe
    // because no file depends on a fresh module: each file's database comes from
    // setupTestDatabase() (which drops lib/db's client and points DATABASE_URL at the new one),
    // tests that change an environment variable put it back, and servers, gateways and clients are
    // closed in afterAll. Keep it so: the next file in a fork sees the same modules and process.
    // Checked with the files in a shuffled order (--sequence.shuffle.files) on PostgreSQL.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Fixed test-only secrets; real runs generate their own into .env.local.
    env: {
      TOLLGATE_SECRET: 'test-only-secret-for-vitest-0123456789abcdef',
      AUTH_SECRET: 'test-only-auth-secret-0123456789abcdef',
      NEXT_TELEMETRY_DISABLED: '1',
      // The suite's upstreams and webhook receivers listen on 127.0.0.1. The outbound policy's own
      // tests pass their policy explicitly, with this setting off.
      TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: '1',
    },
  },
})
