import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { callLogHref } from './call-log-href'
import { listCalls } from './list-calls'
import { parseCallLogQuery } from './schemas'

// The AI usage dashboard's drill-downs: the link it builds, parsed back by the call log, selects
// exactly the calls its rollup counted (fallbacks that did not fail, estimated usage, AI calls
// only, one provider model), always inside the team's scope.

const NOW = new Date('2026-11-24T15:00:00Z')
let cleanup: () => Promise<void>
let owner = ''
let consumer = ''

const rows: Array<{
  requestId: string
  model: string | null
  provider: string | null
  status: number
  attempts: number
  usageEstimated: boolean
}> = [
  { requestId: 'rest', model: null, provider: null, status: 200, attempts: 1, usageEstimated: false },
  { requestId: 'first-try', model: 'chat', provider: 'gpt-a', status: 200, attempts: 1, usageEstimated: false },
  { requestId: 'fallback', model: 'chat', provider: 'gpt-b', status: 200, attempts: 2, usageEstimated: false },
  { requestId: 'all-failed', model: 'chat', provider: null, status: 502, attempts: 2, usageEstimated: false },
  { requestId: 'estimated', model: 'mini', provider: 'gpt-a', status: 200, attempts: 1, usageEstimated: true },
]

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  owner = (await createTestTeam({ label: 'owner' })).id
  consumer = (await createTestTeam({ label: 'consumer' })).id
  const stranger = (await createTestTeam({ label: 'stranger' })).id
  const row = (r: (typeof rows)[number], ownerTeamId: string, suffix = '') => ({
    ...r,
    id: createId('inv'),
    requestId: r.requestId + suffix,
    ownerTeamId,
    consumerTeamId: consumer,
    method: 'POST',
    path: '/gw/x',
    latencyMs: 900,
    createdAt: new Date(NOW.getTime() - 600_000),
  })
  // The same calls to a stranger's API: never in the owner's drill-downs.
  await db.invocation.createMany({
    data: [...rows.map((r) => row(r, owner)), ...rows.map((r) => row(r, stranger, '-x'))],
  })
})
afterAll(async () => cleanup?.())

async function listed(link: Parameters<typeof callLogHref>[1], teamId = owner) {
  const params = Object.fromEntries(new URL(callLogHref('t', link), 'http://x').searchParams)
  const page = await listCalls({ teamId }, parseCallLogQuery(params, NOW))
  return page.items.map((c) => c.requestId).sort()
}

const window = { from: new Date(NOW.getTime() - 3_600_000), to: NOW }

test.each([
  ['served by a fallback', { attempts: 'fallback' }, ['fallback']],
  ['served first try', { attempts: 'first' }, ['estimated', 'first-try']],
  ['estimated', { estimated: true }, ['estimated']],
  ['AI calls only', { ai: true }, ['all-failed', 'estimated', 'fallback', 'first-try']],
  ['AI provider errors', { ai: true, status: '5xx' }, ['all-failed']],
  ['one provider model', { provider: 'gpt-a' }, ['estimated', 'first-try']],
  ['one model via a fallback', { model: 'chat', attempts: 'fallback' }, ['fallback']],
  ['one model first try', { model: 'chat', attempts: 'first' }, ['first-try']],
] as const)('%s', async (_name, filters, expected) => {
  expect(await listed({ view: 'owner', ...window, ...filters })).toEqual(expected)
})

test('the consumer sees its own calls to every owner; the filters narrow, never widen', async () => {
  expect(await listed({ view: 'consumer', ...window, attempts: 'fallback' }, consumer)).toEqual([
    'fallback',
    'fallback-x',
  ])
  expect(await listed({ view: 'owner', ...window, attempts: 'fallback' }, consumer)).toEqual([])
})

test('older links with fallback=1 still open the calls a fallback served', async () => {
  const params = { from: window.from.toISOString(), to: NOW.toISOString(), fallback: '1' }
  expect(parseCallLogQuery(params, NOW).attempts).toBe('fallback')
  const page = await listCalls({ teamId: owner }, parseCallLogQuery(params, NOW))
  expect(page.items.map((c) => c.requestId)).toEqual(['fallback'])
})
