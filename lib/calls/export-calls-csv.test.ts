import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { csvResponse, csvStream } from '@/lib/billing/format-csv'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { CALL_CSV_HEADER, EXPORT_BATCH, exportCallsCsv } from './export-calls-csv'
import { parseCallLogQuery } from './schemas'

// The call log's CSV export as its route builds it (csvResponse(csvStream(exportCallsCsv))), read
// as a browser reads a download: chunk by chunk. More rows than one keyset batch, so the export
// must walk pages; other teams' calls and calls outside the filters must stay out.

const NOW = new Date('2026-11-24T15:00:00Z')
const MATCHING = EXPORT_BATCH * 2 + 101
let cleanup: () => Promise<void>
const t = { owner: '', consumer: '', other: '' }

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  for (const key of ['owner', 'consumer', 'other'] as const) t[key] = (await createTestTeam({ label: key })).id
  // An API name a spreadsheet would run as a formula: the export must neutralise it.
  const apiId = (
    await db.api.create({
      data: { id: createId('api'), teamId: t.owner, slug: 'sums', name: '=HYPERLINK("http://evil","x")' },
    })
  ).id
  const rows = []
  for (let i = 0; i < MATCHING + 300; i++) {
    // Two calls per second share timestamps: the keyset pages must break ties on id.
    const createdAt = new Date(NOW.getTime() - 3_600_000 + Math.floor(i / 2) * 1_000)
    const status = i < MATCHING ? 200 : 500
    rows.push({
      id: createId('inv'),
      requestId: `req-${i}`,
      createdAt,
      status,
      ownerTeamId: t.owner,
      consumerTeamId: t.consumer,
      apiId,
      method: 'GET',
      path: `/gw/owner/sums/v1/${i}`,
      latencyMs: i % 90,
      costMicros: 1_500n,
    })
  }
  // Another team's calls in the same window: never in this team's export.
  rows.push(
    ...Array.from({ length: 20 }, (_, i) => ({
      id: createId('inv'),
      requestId: `other-${i}`,
      createdAt: new Date(NOW.getTime() - 60_000),
      status: 200,
      ownerTeamId: t.other,
      consumerTeamId: t.consumer,
      apiId: 'api_elsewhere',
      method: 'GET',
      path: '/gw/other/x/v1',
      latencyMs: 1,
    })),
  )
  await db.invocation.createMany({ data: rows })
})
afterAll(async () => cleanup?.())

async function download(params: Record<string, string>, teamId: string) {
  const query = parseCallLogQuery(params, NOW)
  const response = csvResponse(csvStream(exportCallsCsv({ teamId }, query)), 'calls.csv')
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let chunks = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks++
    text += decoder.decode(value, { stream: true })
  }
  const lines = text.split('\r\n').filter(Boolean)
  return { response, lines, chunks }
}

test('the export streams every matching call once, newest first, across keyset batches', async () => {
  const { response, lines, chunks } = await download({ status: '2xx', range: '24h' }, t.owner)
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="calls.csv"')
  expect(lines[0]).toBe(CALL_CSV_HEADER.join(','))
  const body = lines.slice(1)
  expect(body).toHaveLength(MATCHING)
  // A row at a time, not one buffered string.
  expect(chunks).toBe(MATCHING + 1)
  const ids = body.map((line) => line.split(',')[1])
  expect(new Set(ids).size).toBe(MATCHING)
  const times = body.map((line) => line.split(',')[0])
  expect([...times].sort().reverse()).toEqual(times)
  expect(body.every((line) => line.split(',')[4] === '200')).toBe(true)
  expect(body.some((line) => line.includes('other-'))).toBe(false)
})

test('a cell a spreadsheet would run as a formula is quoted as text; money is exact', async () => {
  const { lines } = await download({ status: '2xx', range: '24h' }, t.owner)
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`)
  expect(lines[1]).toContain(',0.0015,')
})

test('the filters of the log apply: another status, another side, another team', async () => {
  expect((await download({ status: '5xx', range: '24h' }, t.owner)).lines).toHaveLength(301)
  // The consumer sees its own calls to both owners; the other owner only its 20.
  expect((await download({ view: 'consumer', range: '24h' }, t.consumer)).lines).toHaveLength(MATCHING + 300 + 20 + 1)
  expect((await download({ range: '24h' }, t.other)).lines).toHaveLength(21)
  // Outside the window: only the header.
  expect((await download({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' }, t.owner)).lines).toEqual([
    CALL_CSV_HEADER.join(','),
  ])
})
