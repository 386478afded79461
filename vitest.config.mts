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
