import { afterAll, beforeAll, expect, test } from 'vitest'
import { getAiLatencyPercentiles } from '@/lib/analytics/ai-usage/get-ai-latency-percentiles'
import { getAiUsageSummary } from '@/lib/analytics/ai-usage/get-ai-usage-summary'
import { resolveDashboardWindow } from '@/lib/analytics/dashboard-window'
import { getCostByModel } from '@/lib/analytics/get-cost-by-model'
import { db } from '@/lib/db'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { readSeedConfig } from './seed-config'
import { runSeed } from './seed-demo'

// The demo's four weeks of AI traffic: the dashboard and the billing chart by model have data,
// the raw calls behind them are there, the money agrees with the ledger, and a second run adds nothing.

let cleanup: () => Promise<void>
const config = readSeedConfig({}, new Date())
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n)

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  await runSeed(db, config)
}, 300_000)
afterAll(async () => cleanup?.())

const team = (slug: string) => db.team.findUniqueOrThrow({ where: { slug }, select: { id: true } })

test('four weeks of globex → acme/assistant on both demo models, with fallbacks, estimates and errors', async () => {
  const [acme, globex] = await Promise.all([team('acme'), team('globex')])
  const window = resolveDashboardWindow('30d', config.now)
  const summary = await getAiUsageSummary({ teamId: acme.id }, { view: 'owner', window })
  expect(summary.calls).toBeGreaterThan(500)
  expect(summary.fallbackCalls).toBeGreaterThan(0)
  expect(summary.failedCalls).toBeGreaterThan(0)
  expect(summary.estimatedShare).toBeGreaterThan(0.02)
  expect(summary.estimatedShare).toBeLessThan(0.2)
  const byModel = await getCostByModel({ teamId: globex.id }, { window, view: 'consumer' })
  expect(byModel.map((m) => m.model).sort()).toEqual(['demo-claude', 'demo-gpt'])
  const oldest = await db.aiUsageRollup.findFirstOrThrow({ where: { ownerTeamId: acme.id }, orderBy: { hour: 'asc' } })
  expect(config.now.getTime() - oldest.hour.getTime()).toBeGreaterThan(27 * 86_400_000)
  const latency = await getAiLatencyPercentiles({ teamId: globex.id }, { view: 'consumer', window })
  expect(latency.byProvider.map((p) => p.providerName).sort()).toEqual([
    'Demo (Anthropic format)',
    'Demo (OpenAI format)',
  ])
  expect(latency.byModel.every((m) => m.ttftCalls > 0 && m.ttft.p50 !== null)).toBe(true)
})

test('the raw calls match the rollups, and the AI charges match the cost', async () => {
  const [acme, globex] = await Promise.all([team('acme'), team('globex')])
  const api = await db.api.findUniqueOrThrow({ where: { teamId_slug: { teamId: acme.id, slug: 'assistant' } } })
  const rollup = await db.aiUsageRollup.aggregate({ where: { apiId: api.id }, _sum: { calls: true, costMicros: true } })
  expect(await db.invocation.count({ where: { apiId: api.id, model: { not: null } } })).toBe(rollup._sum.calls)
  const charges = await db.ledgerEntry.findMany({ where: { teamId: globex.id, kind: 'CHARGE', apiId: api.id } })
  expect(-sum(charges.map((c) => c.amountMicros))).toBe(rollup._sum.costMicros)
  const entries = await db.ledgerEntry.findMany({ where: { teamId: globex.id }, select: { amountMicros: true } })
  const account = await db.billingAccount.findUniqueOrThrow({ where: { teamId: globex.id } })
  expect(account.balanceMicros).toBe(sum(entries.map((e) => e.amountMicros)))
})

test('running the seed again adds no AI history', async () => {
  const before = await db.aiUsageRollup.aggregate({ _sum: { calls: true } })
  const { counter } = await runSeed(db, config)
  expect(counter.total).toBe(0)
  expect((await db.aiUsageRollup.aggregate({ _sum: { calls: true } }))._sum.calls).toBe(before._sum.calls)
})
