import type { InvocationRecord } from '../gateway/invocation-record'
import { hourStart, latencyBucket } from './hour-buckets'
import { aggregateAiLatency, aggregateAiUsage, type AiLatencyCounter, type AiUsageCounter } from './ai-rollups'

export type { AiLatencyCounter, AiUsageCounter }

// The bounds and hours are in hour-buckets.ts (shared with ai-rollups.ts); importers keep this path.
export { hourStart, LATENCY_BUCKETS_MS, latencyBucket } from './hour-buckets'

export type UsageCounter = {
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  versionId: string
  keyId: string
  statusClass: number
  calls: number
  blocked402: number
  latencySumMs: number
  costMicros: bigint
  inputTokens: number
  outputTokens: number
}

export type LatencyCounter = {
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  bucketMs: number
  calls: number
}

/** Sums a batch per rollup key, so a batch costs one upsert per key instead of one per call. */
export function aggregateRollups(records: readonly InvocationRecord[]): {
  usage: UsageCounter[]
  latency: LatencyCounter[]
  aiUsage: AiUsageCounter[]
  aiLatency: AiLatencyCounter[]
} {
  const usage = new Map<string, UsageCounter>()
  const latency = new Map<string, LatencyCounter>()
  for (const r of records) {
    const hour = hourStart(r.createdAt)
    // '' stands for "unknown" (a 401 has no consumer or key), so the unique keys work on both providers.
    const owner = r.ownerTeamId ?? ''
    const consumer = r.consumerTeamId ?? ''
    const api = r.apiId ?? ''
    const version = r.versionId ?? ''
    const key = r.keyId ?? ''
    const statusClass = Math.floor(r.status / 100)
    const usageKey = `${hour}|${owner}|${consumer}|${api}|${version}|${key}|${statusClass}`
    let u = usage.get(usageKey)
    if (!u) {
      u = {
        hour,
        ownerTeamId: owner,
        consumerTeamId: consumer,
        apiId: api,
        versionId: version,
        keyId: key,
        statusClass,
        calls: 0,
        blocked402: 0,
        latencySumMs: 0,
        costMicros: 0n,
        inputTokens: 0,
        outputTokens: 0,
      }
      usage.set(usageKey, u)
    }
    u.calls++
    if (r.status === 402) u.blocked402++
    u.latencySumMs += r.latencyMs
    u.costMicros += r.costMicros
    u.inputTokens += r.inputTokens
    u.outputTokens += r.outputTokens

    const bucketMs = latencyBucket(r.latencyMs)
    const latencyKey = `${hour}|${owner}|${consumer}|${api}|${bucketMs}`
    const l = latency.get(latencyKey)
    if (l) l.calls++
    else latency.set(latencyKey, { hour, ownerTeamId: owner, consumerTeamId: consumer, apiId: api, bucketMs, calls: 1 })
  }
  return {
    usage: [...usage.values()],
    latency: [...latency.values()],
    aiUsage: aggregateAiUsage(records),
    aiLatency: aggregateAiLatency(records),
  }
}
