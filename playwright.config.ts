import { defineConfig, devices } from '@playwright/test'
import path from 'node:path'

// The specs seed their own teams straight into the server's database (e2e/fixtures), so they
// must point at the same file the e2e server uses.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
process.env.DATABASE_URL = `file:${path.resolve('data/e2e.db')}`
process.env.E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  // Two workers on a 2-core machine: the specs wait on the one server far more than they compute,
  // and each seeds its own team. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 } } }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${E2E_PORT}/login`,
    reuseExistingServer: !process.env.CI,
    // A clean clone migrates, seeds the demo (59k logged calls) and builds the console first.
    timeout: 600_000,
    stdout: 'pipe',
    env: { PORT: String(E2E_PORT) },
  },
})
