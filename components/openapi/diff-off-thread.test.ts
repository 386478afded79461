// Integration: the breaking-change diff of GitHub-sized contracts (GHES 3.17 and 3.18, about
// 13 MB each) runs on a worker thread. Through the real publish checks and the real version diff,
// against a real database, it gives exactly what the in-process diff gives, while a real gateway
// in the same process keeps answering calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { getVersionDiff } from '@/lib/apis/get-version-diff'
import { db } from '@/lib/db'
import { closedPort, startTestGateway, type TestGateway } from '@/lib/gateway/test-fixtures'
import { seedWorld, type World } from '@/lib/gateway/test-world'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { diffOpenApiTexts } from '@/lib/openapi/diff-openapi-off-thread'
import { readRealWorldContract } from '@/lib/openapi/fixtures/real-world/read-real-world'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import { gatewayProber, type GatewayProbe } from './testing/gateway-probe'

const olderText = readRealWorldContract('github-ghes-3.17')
const newerText = readRealWorldContract('github-ghes-3.18')

let database: TestDatabase
let upstream: DemoUpstream
let gw: TestGateway
let world: World
let owner: Awaited<ReturnType<typeof createTestTeam>>
let apiId: string
let older: { id: string }
let newer: { id: string }
const { gatewayCall, probeGateway } = gatewayProber(() => ({ gw, world }))

beforeAll(async () => {
  database = await setupTestDatabase()
  upstream = await startDemoUpstream(0)
  world = await seedWorld(db, upstream.url, `http://127.0.0.1:${await closedPort()}`)
  gw = await startTestGateway({ db, databaseUrl: database.url })
  owner = await createTestTeam()
  apiId = (await createApi(owner.scope, { name: 'GitHub', slug: 'github' })).id
  older = await createVersion(owner.scope, { apiId, version: 'v3', upstreamUrl: upstream.url, openapi: olderText })
  newer = await createVersion(owner.scope, { apiId, version: 'v4', upstreamUrl: upstream.url, openapi: newerText })
  // The contract consumers are on: what the publish checks compare a draft with.
  await db.apiVersion.update({
    where: { id: older.id, teamId: owner.team.id },
    data: { state: 'PUBLISHED', publishedAt: new Date() },
  })
  // A warm worker with the diff loaded, so the timings below measure the diff, not a start-up.
  await diffOpenApiTexts('{}', '{}')
}, 180_000)

afterAll(async () => {
  await gw?.close()
  await upstream?.close()
  await database?.cleanup()
})

/** The diff as it ran before, on this thread: both parses and the comparison, and how long it held the loop. */
function inProcessDiff(beforeText: string, afterText: string) {
  const started = performance.now()
  const changes = diffOpenApi(JSON.parse(beforeText), JSON.parse(afterText))
  return { changes, blockedMs: performance.now() - started }
}

/**
 * Not blocked: the gateway kept answering while the diff ran. Had the diff held the event loop,
 * a call made as it started would have waited for all of it, so the slowest call would take about
 * as long as the diff; here it must stay under half of it, with many calls answered meanwhile.
 * Both are measured together, so a loaded machine, which slows the diff and the calls alike,
 * moves the bound with them (a fixed cap in milliseconds failed there): only "blocked
 * throughout" fails.
 */
function expectNotBlocked(probe: GatewayProbe, diffMs: number) {
  expect(probe.statuses).toEqual(new Set([200]))
  expect(probe.count).toBeGreaterThan(5)
  expect(probe.slowestMs).toBeLessThan(diffMs / 2)
}

describe('the diff on the worker', () => {
  test.each([
    ['3.17 → 3.18', olderText, newerText],
    ['3.18 → 3.17', newerText, olderText],
  ])(
    "GHES %s: the worker's diff equals the in-process diff",
    async (_name, beforeText, afterText) => {
      const { changes } = inProcessDiff(beforeText, afterText)
      expect(changes.length).toBeGreaterThan(0)
      expect(await diffOpenApiTexts(beforeText, afterText)).toEqual(changes)
    },
    120_000,
  )

  test('a diff over its time budget is one breaking change naming the limit', async () => {
    const changes = await diffOpenApiTexts(olderText, newerText, { budget: { timeoutMs: 50, heapMb: 1024 } })
    expect(changes).toEqual([
      {
        kind: 'comparison-incomplete',
        breaking: true,
        path: '',
        location: '',
        message: expect.stringMatching(/^Comparing this document took longer than the 50 ms limit, so it was stopped/),
      },
    ])
    // The stopped worker is gone; the next diff gets a fresh one.
    expect(await diffOpenApiTexts('{}', '{}')).toEqual([])
  }, 60_000)
})

describe('a GitHub-sized diff does not block other requests', () => {
  test('the version diff (GHES 3.17 → 3.18)', async () => {
    const { changes, blockedMs } = inProcessDiff(olderText, newerText)
    await gatewayCall() // a warm connection, so the probe measures the server, not the handshake
    const stop = probeGateway()
    const started = performance.now()
    const diff = await getVersionDiff(owner.scope, { apiId, fromVersionId: older.id, toVersionId: newer.id })
    const diffMs = performance.now() - started
    const probe = await stop()
    expect(diff.changes).toEqual(changes)
    console.info(
      `version diff: in-process ${Math.round(blockedMs)} ms blocked; on the worker ${Math.round(diffMs)} ms, ` +
        `${probe.count} gateway calls, median ${Math.round(probe.medianMs)} ms, slowest ${Math.round(probe.slowestMs)} ms`,
    )
    expectNotBlocked(probe, diffMs)
  }, 120_000)

  test('the publish checks of the 3.18 draft against the published 3.17', async () => {
    const { changes, blockedMs } = inProcessDiff(olderText, newerText)
    await gatewayCall()
    const stop = probeGateway()
    const started = performance.now()
    const checks = await getPublishChecks(owner.scope, { versionId: newer.id })
    const checksMs = performance.now() - started
    const probe = await stop()
    expect(checks.document).toEqual({ ok: true, errors: [] })
    expect(checks.previous?.id).toBe(older.id)
    expect(checks.changes).toEqual(changes)
    expect(checks.breakingCount).toBe(0)
    console.info(
      `publish checks: in-process diff ${Math.round(blockedMs)} ms blocked; checks ${Math.round(checksMs)} ms, ` +
        `${probe.count} gateway calls, median ${Math.round(probe.medianMs)} ms, slowest ${Math.round(probe.slowestMs)} ms`,
    )
    expectNotBlocked(probe, checksMs)
  }, 120_000)
})
