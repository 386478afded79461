import { randomBytes } from 'node:crypto'
import { createId, randomToken } from '../ids'
import type { InvocationRecord } from '../gateway/invocation-record'
import { prepareBilling, type PreparedBilling } from './prepare-billing'
import {
  aggregateRollups,
  type AiLatencyCounter,
  type AiUsageCounter,
  type LatencyCounter,
  type UsageCounter,
} from './rollup-buckets'

// One batch of call records, prepared once (ids assigned, rollups summed) so that a retry after
// a failure writes exactly the same rows, whichever sink writes them.
export type PreparedBatch = {
  rows: Array<InvocationRecord & { id: string }>
  usage: Array<UsageCounter & { id: string }>
  latency: Array<LatencyCounter & { id: string }>
  aiUsage: Array<AiUsageCounter & { id: string }>
  aiLatency: Array<AiLatencyCounter & { id: string }>
  /** Latest call per key: ApiKey.lastUsedAt is written once per key per batch. */
  keysLastUsed: Map<string, number>
  /** Charges, usage and payment incidents, written in the same transaction as the rows. */
  billing: PreparedBilling
  /** Incremented before each write; a sink treats attempts > 1 as "may already be committed". */
  attempts: number
}

/** Where batches go: one transaction per batch, all rows and counters or nothing. */
export interface BatchSink {
  write(batch: PreparedBatch): Promise<'written' | 'already-written'>
  close(): Promise<void>
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/**
 * n ids shaped like createId(prefix) (prefix + 20 base-36 chars), but time-ordered: 9 chars of
 * milliseconds, then 11 random. Appending to the primary-key index instead of inserting at random
 * pages roughly halves SQLite's cost per row. One randomBytes call per batch, not per row.
 */
function createSortableIds(prefix: string, n: number, nowMs: number): string[] {
  const bytes = randomBytes(11 * n)
  const head = `${prefix}_${nowMs.toString(36).padStart(9, '0')}`
  const ids = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    let id = head
    for (let j = i * 11; j < i * 11 + 11; j++) id += ALPHABET[bytes[j] % ALPHABET.length]
    ids[i] = id
  }
  return ids
}

/** `leaseInstanceId`: the gateway instance whose credit leases this batch's charges spend. */
export function prepareBatch(records: InvocationRecord[], leaseInstanceId: string | null = null): PreparedBatch {
  const ids = createSortableIds('inv', records.length, Date.now())
  const keysLastUsed = new Map<string, number>()
  const seen = new Set<string>()
  const rows = records.map((r, i) => {
    if (r.keyId && (keysLastUsed.get(r.keyId) ?? 0) < r.createdAt) keysLastUsed.set(r.keyId, r.createdAt)
    // Clients may send the same X-Request-Id twice; Invocation.requestId is unique, so a repeat
    // gets a suffix rather than failing the batch or losing the row.
    let requestId = r.requestId
    if (seen.has(requestId)) requestId = `${requestId}~${randomToken(6)}`
    seen.add(requestId)
    return { ...r, requestId, id: ids[i] }
  })
  const { usage, latency, aiUsage, aiLatency } = aggregateRollups(records)
  return {
    rows,
    usage: usage.map((u) => ({ ...u, id: createId('ur') })),
    latency: latency.map((l) => ({ ...l, id: createId('lr') })),
    aiUsage: aiUsage.map((a) => ({ ...a, id: createId('air') })),
    aiLatency: aiLatency.map((a) => ({ ...a, id: createId('ail') })),
    keysLastUsed,
    billing: prepareBilling(records, ids[0] ?? 'empty', leaseInstanceId),
    attempts: 0,
  }
}
