import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getCostByModel } from './get-cost-by-model'

// AI cost by model from AiUsageRollup: summed across hours and providers, per side of the call,
// inside the window, and never another team's.

let cleanup: () => Promise<void>
const window = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') }
let owner = ''
let consumer = ''
let stranger = ''

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  owner = (await createTestTeam({ label: 'owner' })).id
  consumer = (await createTestTeam({ label: 'consumer' })).id
  stranger = (await createTestTeam({ label: 'stranger' })).id
  const row = (hour: string, model: string, provider: string, costMicros: bigint, extra: object = {}) => ({
    id: createId('air'),
    hour: new Date(hour),
    ownerTeamId: owner,
    consumerTeamId: consumer,
    apiId: 'api_x',
    model,
    provider,
    calls: 2,
    inputTokens: 100,
    outputTokens: 40,
    costMicros,
    ...extra,
  })
  await db.aiUsageRollup.createMany({
    data: [
      row('2026-11-20T10:00:00Z', 'demo-gpt', 'gpt-a', 300n),
      row('2026-11-20T11:00:00Z', 'demo-gpt', 'gpt-b', 200n, { estimatedCalls: 1 }),
      row('2026-11-21T10:00:00Z', 'demo-claude', 'claude', 900n),
      // Outside the window, and a stranger's call to the same owner.
      row('2026-10-30T10:00:00Z', 'demo-gpt', 'gpt-a', 5_000n),
      row('2026-11-22T10:00:00Z', 'demo-gpt', 'gpt-a', 7_000n, { consumerTeamId: stranger }),
    ],
  })
})
afterAll(async () => cleanup?.())

test('the consumer sees its own spend per model, biggest first, summed over hours and providers', async () => {
  expect(await getCostByModel({ teamId: consumer }, { window, view: 'consumer' })).toEqual([
    { model: 'demo-claude', costMicros: 900n, calls: 2, inputTokens: 100, outputTokens: 40, estimatedCalls: 0 },
    { model: 'demo-gpt', costMicros: 500n, calls: 4, inputTokens: 200, outputTokens: 80, estimatedCalls: 1 },
  ])
})

test('the owner sees revenue per model from every consumer; a stranger sees only its own', async () => {
  const earned = await getCostByModel({ teamId: owner }, { window, view: 'owner' })
  expect(earned.map((m) => [m.model, m.costMicros])).toEqual([
    ['demo-gpt', 7_500n],
    ['demo-claude', 900n],
  ])
  expect(await getCostByModel({ teamId: owner }, { window, view: 'consumer' })).toEqual([])
  expect((await getCostByModel({ teamId: stranger }, { window, view: 'consumer' })).map((m) => m.costMicros)).toEqual([
    7_000n,
  ])
})
