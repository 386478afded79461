import { afterAll, beforeAll, expect, test } from 'vitest'
import type { InvocationRecord } from '../gateway/invocation-record'
import { createTestTeam } from '../testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '../testing/test-database'
import type { MeteredCall } from './batch-sink'
import { InvocationWriter } from './invocation-writer'
import { RawLogSampler, samplingFromEnv } from './raw-log-sampler'
import { decodeCalls, encodeCall } from './spool-codec'
import { TEST_SINKS, testSink } from './testing/test-sinks'

// Raw-log sampling through the real metering program, on the engine TEST_DATABASE_URL selects:
// above the rate only a sample of successful calls keeps its Invocation row, while rollups,
// charges, free quota and incidents count every call, and a replay of the whole stream adds nothing.

let testDb: TestDatabase

beforeAll(async () => {
  testDb = await setupTestDatabase()
})
afterAll(async () => {
  await testDb?.cleanup()
})

const PRICE = 500n
const INITIAL = 1_000_000_000n

type Kind = 'ok' | 'upstream-error' | 'blocked'

function record(kind: Kind, n: number, ids: { owner: string; consumer: string; incident: string }, at: number) {
  return {
    requestId: `req_${ids.owner}_${n}`,
    createdAt: at,
    ownerTeamId: ids.owner,
    consumerTeamId: ids.consumer,
    apiId: `api_${ids.owner}`,
    versionId: 'ver_1',
    keyId: null,
    subscriptionId: `sub_${ids.owner}`,
    method: 'GET',
    path: '/gw/acme/weather/v1/now',
    status: kind === 'ok' ? 200 : kind === 'blocked' ? 402 : 502,
    errorCode: kind === 'blocked' ? 'insufficient_balance' : null,
    latencyMs: 2,
    upstreamMs: 1,
    requestBytes: 0,
    responseBytes: 70,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: kind === 'ok' ? PRICE : 0n,
    incidentId: kind === 'blocked' ? ids.incident : null,
    planId: 'plan_1',
    billable: kind === 'ok',
    blockedMicros: kind === 'blocked' ? PRICE : 0n,
    chargeLabel: 'acme/weather v1',
  } satisfies InvocationRecord
}

test.each(TEST_SINKS)(
  '%s: 300 calls in one second above a rate of 50 keep 50 + 1 in 10 of the rest, every error, and exact rollups and charges',
  async (sinkName) => {
    const team = await createTestTeam({ billingAccount: { balanceMicros: INITIAL } }, testDb.db)
    await testDb.db.ledgerEntry.create({
      data: {
        id: `led_s_${team.id}`,
        teamId: team.id,
        kind: 'TOP_UP',
        amountMicros: INITIAL,
        idempotencyKey: `s_${team.id}`,
      },
    })
    const ids = { owner: `own_s_${sinkName}_${team.id}`, consumer: team.id, incident: `pi_s_${team.id}` }
    const inner = testSink(testDb, sinkName)
    const writer = new InvocationWriter(inner, { sampling: { abovePerSecond: 50, oneIn: 10 }, maxBatch: 64 })
    const second = Math.floor(Date.now() / 1000) * 1000
    const kinds: Kind[] = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 3 ? 'upstream-error' : i % 15 === 7 ? 'blocked' : 'ok',
    )
    const calls = kinds.map((kind, i) => {
      const call = record(kind, i, ids, second + (i % 1000))
      writer.record(call)
      return call as MeteredCall
    })
    await writer.flush()
    // The spool of a process that died before deleting it, replayed whole: counted once already.
    await inner.write(calls)
    await writer.close()

    const ok = kinds.filter((k) => k === 'ok').length
    const errors = kinds.length - ok
    const rows = await testDb.db.invocation.findMany({ where: { ownerTeamId: ids.owner }, select: { status: true } })
    expect(rows.filter((r) => r.status === 200).length).toBe(50 + Math.ceil((ok - 50) / 10))
    expect(rows.filter((r) => r.status !== 200).length).toBe(errors)

    const usage = await testDb.db.usageRollup.aggregate({
      where: { ownerTeamId: ids.owner },
      _sum: { calls: true, blocked402: true, costMicros: true },
    })
    expect(usage._sum.calls).toBe(300)
    expect(usage._sum.blocked402).toBe(kinds.filter((k) => k === 'blocked').length)
    expect(usage._sum.costMicros).toBe(BigInt(ok) * PRICE)
    const latency = await testDb.db.latencyRollup.aggregate({
      where: { ownerTeamId: ids.owner },
      _sum: { calls: true },
    })
    expect(latency._sum.calls).toBe(300)
    const charges = await testDb.db.ledgerEntry.aggregate({
      where: { teamId: team.id, kind: 'CHARGE' },
      _sum: { amountMicros: true },
    })
    expect(charges._sum.amountMicros).toBe(-BigInt(ok) * PRICE)
    const account = await testDb.db.billingAccount.findUniqueOrThrow({ where: { teamId: team.id } })
    expect(account.balanceMicros).toBe(INITIAL - BigInt(ok) * PRICE)
    const quota = await testDb.db.subscriptionUsage.aggregate({
      where: { subscriptionId: `sub_${ids.owner}` },
      _sum: { calls: true },
    })
    expect(quota._sum.calls).toBe(ok)
    const incident = await testDb.db.paymentIncident.findUnique({ where: { id: ids.incident } })
    expect(incident?.blockedCalls).toBe(kinds.filter((k) => k === 'blocked').length)
  },
  120_000,
)

test('sampling is off unless INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND names a positive rate', () => {
  expect(samplingFromEnv({})).toBeNull()
  expect(samplingFromEnv({ INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND: '0' })).toBeNull()
  expect(samplingFromEnv({ INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND: 'lots' })).toBeNull()
  expect(samplingFromEnv({ INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND: '200' })).toEqual({ abovePerSecond: 200, oneIn: 10 })
  expect(
    samplingFromEnv({ INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND: '200', INVOCATION_LOG_SAMPLE_ONE_IN: '100' }),
  ).toEqual({ abovePerSecond: 200, oneIn: 100 })
})

test('the budget starts afresh each second, and captured calls keep their row', () => {
  const sampler = new RawLogSampler({ abovePerSecond: 2, oneIn: 1_000 })
  const ids = { owner: 'o', consumer: 'c', incident: 'i' }
  const at = (ms: number) => sampler.leavesOut(record('ok', 0, ids, ms))
  expect([at(1_000), at(1_100), at(1_200), at(1_300)]).toEqual([false, false, false, true])
  expect([at(2_000), at(2_001), at(2_002)]).toEqual([false, false, true])
  expect(sampler.leavesOut({ ...record('ok', 0, ids, 2_003), captured: true })).toBe(false)
})

test('the spool keeps a call’s stream, place and sampling, and still reads lines written before them', () => {
  const ids = { owner: 'o', consumer: 'c', incident: 'i' }
  const call = { ...record('ok', 1, ids, 5_000), id: 'inv_1', leaseInstanceId: null, stream: 's1', seq: 7 }
  const sampled = { ...call, rowSampledOut: true }
  const [back, backSampled] = decodeCalls(encodeCall(call) + encodeCall(sampled), 'lease_1')
  expect(back).toMatchObject({ stream: 's1', seq: 7, leaseInstanceId: 'lease_1', costMicros: PRICE })
  expect(back.rowSampledOut).toBeUndefined()
  expect(backSampled.rowSampledOut).toBe(true)
  const older = JSON.stringify(
    (JSON.parse(encodeCall({ ...call, stream: undefined, seq: undefined })) as unknown[]).slice(0, -3),
  )
  const [old] = decodeCalls(older + '\n', null)
  expect(old).toMatchObject({ id: 'inv_1', requestId: call.requestId })
  expect(old.seq).toBeUndefined()
})
