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
