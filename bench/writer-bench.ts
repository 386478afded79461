import { performance } from 'node:perf_hooks'
import type { InvocationRecord } from '../lib/gateway/invocation-record'
import { CallSpool } from '../lib/metering/call-spool'
import { createBatchSink, InvocationWriter } from '../lib/metering/invocation-writer'
import type { SamplingOptions } from '../lib/metering/raw-log-sampler'
import { createScratchDatabase, type DatabaseProvider } from '../lib/testing/test-database'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// The metering writer alone, without a gateway: N call records through the writer and the sink
// the gateway uses on each engine (SQLite: the writer thread; PostgreSQL: Prisma), in the batches
// the gateway makes. Rows per second, and this process's CPU per row (process.cpuUsage counts
// every thread, the writer thread included). Plus the spool's own cost per call.

export type WriterBenchRow = {
  engine: DatabaseProvider
  /** Calls metered (each counted in the rollups and charged); with sampling, fewer raw rows. */
  rows: number
  rowsPerSec: number
  cpuUsPerRow: number
  /** Raw-log sampling on (every call in one second, so above the rate from call `abovePerSecond` on). */
  sampled?: boolean
}

function benchCall(i: number, now: number): InvocationRecord {
  return {
    requestId: `wb-${now}-${i}`,
    createdAt: now,
    ownerTeamId: 'team_owner',
    consumerTeamId: 'team_consumer',
    apiId: 'api_1',
    versionId: 'ver_1',
    keyId: null,
    subscriptionId: 'sub_1',
    method: 'GET',
    path: '/gw/acme/weather/v1/current',
    status: 200,
    errorCode: null,
    latencyMs: 1 + (i % 40) / 10,
    upstreamMs: 0.5,
    requestBytes: 0,
    responseBytes: 70,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: 0n,
    incidentId: null,
    planId: null,
    billable: false,
    blockedMicros: 0n,
    chargeLabel: null,
  }
}

export async function benchWriter(
  engine: DatabaseProvider,
  rows: number,
  sampling: SamplingOptions | null = null,
): Promise<WriterBenchRow> {
  const database = await createScratchDatabase(engine)
  try {
    const writer = new InvocationWriter(createBatchSink(database.db, database.url), { sampling })
    // Warm-up: the thread starts and prepares its statements.
    writer.record(benchCall(-1, Date.now()))
    await writer.flush()
    const now = Date.now()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    for (let i = 0; i < rows; i++) {
      writer.record(benchCall(i, now))
      // Hand over in gateway-sized batches, as a busy gateway's timer and full batches would.
      if (i % 500 === 499) await writer.flush()
    }
    await writer.close()
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    if (writer.written !== rows + 1) throw new Error(`writer bench: ${writer.written} of ${rows + 1} rows written`)
    return {
      engine,
      rows,
      rowsPerSec: rows / seconds,
      cpuUsPerRow: (cpu.user + cpu.system) / rows,
      ...(sampling ? { sampled: true } : {}),
    }
  } finally {
    await database.cleanup()
  }
}

/** The spool's CPU per call: encoding and appending lines, written in groups. */
export function benchSpool(calls: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-spool-bench-'))
  try {
    const spool = new CallSpool({ dir, instanceId: 'bench' })
    const now = Date.now()
    const prepared = Array.from({ length: calls }, (_, i) => ({
      ...benchCall(i, now),
      id: `inv_${i}`,
      leaseInstanceId: 'bench',
    }))
    const cpu0 = process.cpuUsage()
    for (let i = 0; i < calls; i++) {
      spool.append(prepared[i])
      // A group per 50 calls: 5,000 calls a second in 10 ms groups.
      if (i % 50 === 49) spool.writeGroup()
    }
    spool.writeGroup()
    const cpu = process.cpuUsage(cpu0)
    spool.committed(calls)
    spool.close()
    return (cpu.user + cpu.system) / calls
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
