import { afterAll, beforeAll, expect, test } from 'vitest'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { listVersionCallers } from '@/lib/lifecycle/list-version-callers'
import { notifyVersionCallers } from '@/lib/lifecycle/notify-version-callers'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { getApiOverview } from './get-api-overview'
import { updateCaptureSchema } from './schemas'
import { updateVersionCapture } from './update-version-capture'

// The owner's API page reads: the 30-day overview and the 7-day callers, from UsageRollup; the
// notice to those callers; and the capture setting. Acme owns Weather (v1, v2); Globex and
// Initech call it; Initech's calls are 10 days old, so it is no recent caller of v1.

const NOW = new Date('2026-11-30T12:00:00Z')
const HOUR = 3_600_000
let cleanup: () => Promise<void>
let acme: TestTeam
let globex: TestTeam
let initech: TestTeam
let apiId = ''
const versionIds = { v1: '', v2: '' }

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  acme = await createTestTeam({ label: 'acme' })
  globex = await createTestTeam({ label: 'globex' })
  initech = await createTestTeam({ label: 'initech' })
  apiId = (await db.api.create({ data: { id: createId('api'), teamId: acme.id, slug: 'weather', name: 'Weather' } })).id
  for (const v of ['v1', 'v2'] as const) {
    versionIds[v] = (
      await db.apiVersion.create({
        data: {
          id: createId('ver'),
          apiId,
          teamId: acme.id,
          version: v,
          major: Number(v[1]),
          openapi: '{}',
          upstreamUrl: 'http://x',
          state: 'PUBLISHED',
        },
      })
    ).id
  }
  const rollup = (
    consumerTeamId: string,
    versionId: string,
    hoursAgo: number,
    statusClass: number,
    calls: number,
    costMicros: bigint,
  ) => ({
    id: createId('rol'),
    hour: new Date(NOW.getTime() - hoursAgo * HOUR),
    ownerTeamId: acme.id,
    consumerTeamId,
    apiId,
    versionId,
    statusClass,
    calls,
    costMicros,
  })
  await db.usageRollup.createMany({
    data: [
      rollup(globex.id, versionIds.v1, 2, 2, 90, 900_000n),
      rollup(globex.id, versionIds.v1, 3, 5, 10, 0n),
      rollup(initech.id, versionIds.v1, 24 * 10, 2, 40, 400_000n),
      rollup(initech.id, versionIds.v2, 5, 4, 20, 0n),
      // A 401 has no consumer, and a call 40 days ago is outside the window.
      rollup('', versionIds.v2, 1, 4, 7, 0n),
      rollup(globex.id, versionIds.v2, 24 * 40, 2, 1_000, 10_000_000n),
    ],
  })
})

afterAll(async () => cleanup?.())

test('[API PAGE] the overview counts 30 days of traffic, errors, revenue and consumers', async () => {
  const overview = await getApiOverview({ teamId: acme.id }, { apiId, now: NOW })
  expect(overview).toMatchObject({ calls: 167, errors: 37, revenueMicros: 1_300_000n })
  expect(overview.errorRate).toBeCloseTo(37 / 167)
  expect(overview.consumers.map((c) => [c.name, c.calls, c.errors, c.revenueMicros])).toEqual([
    [globex.name, 100, 10, 900_000n],
    [initech.name, 60, 20, 400_000n],
  ])
  expect(overview.callsByVersion.get(versionIds.v1)).toBe(140)
  // Another team reading the same API id sees nothing of it.
  expect((await getApiOverview({ teamId: globex.id }, { apiId, now: NOW })).calls).toBe(0)
})

test('[API PAGE] recent callers are the teams with calls in the last 7 days, per version', async () => {
  const callers = await listVersionCallers(
    { teamId: acme.id },
    { versionIds: [versionIds.v1, versionIds.v2], now: NOW },
  )
  expect(callers.get(versionIds.v1)?.map((c) => [c.name, c.calls])).toEqual([[globex.name, 100]])
  expect(callers.get(versionIds.v2)?.map((c) => [c.name, c.calls])).toEqual([[initech.name, 20]])
  expect((await listVersionCallers({ teamId: globex.id }, { versionIds: [versionIds.v1], now: NOW })).size).toBe(0)
})

test('[API PAGE] notifying the callers writes one notification per recent caller, none elsewhere', async () => {
  const result = await notifyVersionCallers(
    acme.scope,
    { versionId: versionIds.v1, message: 'Move to v2 by March' },
    NOW,
  )
  expect(result).toEqual({ versionId: versionIds.v1, notified: 1 })
  const [notice] = await db.notification.findMany({ where: { teamId: globex.id, kind: 'api_version.notice' } })
  expect(notice.body).toContain('Move to v2 by March')
  expect(notice.link).toBe(`/catalog/${acme.slug}/weather`)
  expect(await db.notification.count({ where: { teamId: initech.id, kind: 'api_version.notice' } })).toBe(0)
  // Another team cannot notify on Acme's behalf.
  await expect(
    notifyVersionCallers(globex.scope, { versionId: versionIds.v1, message: undefined }, NOW),
  ).rejects.toMatchObject({
    status: 404,
  })
})

test("[API PAGE] the capture setting is the owner's, validated, and reaches the gateway as a config event", async () => {
  const before = await readConfigVersion(db)
  const input = updateCaptureSchema.parse({
    versionId: versionIds.v2,
    captureMode: 'HEADERS_AND_BODIES',
    captureRetentionDays: '3',
  })
  await updateVersionCapture(acme.scope, input)
  expect(
    await db.apiVersion.findUnique({
      where: { id: versionIds.v2 },
      select: { captureMode: true, captureRetentionDays: true },
    }),
  ).toEqual({
    captureMode: 'HEADERS_AND_BODIES',
    captureRetentionDays: 3,
  })
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
  await expect(updateVersionCapture(globex.scope, { ...input, captureMode: 'OFF' })).rejects.toMatchObject({
    status: 404,
  })
  for (const bad of [
    { captureMode: 'EVERYTHING', captureRetentionDays: '3' },
    { captureMode: 'HEADERS', captureRetentionDays: '0' },
    { captureMode: 'HEADERS', captureRetentionDays: '31' },
    { captureMode: 'HEADERS', captureRetentionDays: 'abc' },
  ]) {
    expect(updateCaptureSchema.safeParse({ versionId: versionIds.v2, ...bad }).success).toBe(false)
  }
})
