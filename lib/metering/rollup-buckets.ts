import type { InvocationRecord } from '../gateway/invocation-record'

// Fixed latency histogram bounds (ms). A LatencyRollup row counts the calls whose latency is at
// most bucketMs and above the previous bound; dashboards derive p50/p95/p99 from these counts.
// The last bound catches everything slower (a call cannot outlive the 5-minute cap anyway).
export const LATENCY_BUCKETS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000,
] as const

export function latencyBucket(latencyMs: number): number {
  for (const bound of LATENCY_BUCKETS_MS) if (latencyMs <= bound) return bound
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]
}

const HOUR_MS = 3_600_000
export const hourStart = (epochMs: number): number => epochMs - (epochMs % HOUR_MS)

export type UsageCounter = {
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  versionId: string
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

/** Hourly AI counters per (owner, consumer, api, exposed model, serving model): AiUsageRollup. */
export type AiUsageCounter = {
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  model: string
  /** The model that served ('' when every provider attempt failed). */
  provider: string
  calls: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
  estimatedCalls: number
  fallbackCalls: number
  failedCalls: number
}

/** The provider side failed the call: every attempt, or the stream before any output. */
const providerFailed = (r: InvocationRecord) => r.status >= 500 || r.errorCode === 'upstream_unreachable'

/** AI calls that reached a provider (or failed trying) count; those refused before (402, 429, 400) do not. */
function aggregateAiUsage(records: readonly InvocationRecord[]): AiUsageCounter[] {
  const counters = new Map<string, AiUsageCounter>()
  for (const r of records) {
    if (!r.model || r.ownerTeamId === null || r.consumerTeamId === null || r.apiId === null) continue
    const failed = providerFailed(r)
    if (!r.provider && !failed) continue
    const hour = hourStart(r.createdAt)
    const provider = r.provider ?? ''
    const key = `${hour}|${r.ownerTeamId}|${r.consumerTeamId}|${r.apiId}|${r.model}|${provider}`
    let c = counters.get(key)
    if (!c) {
      c = {
        hour,
        ownerTeamId: r.ownerTeamId,
        consumerTeamId: r.consumerTeamId,
        apiId: r.apiId,
        model: r.model,
        provider,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        costMicros: 0n,
        estimatedCalls: 0,
        fallbackCalls: 0,
        failedCalls: 0,
      }
      counters.set(key, c)
    }
    c.calls++
    c.inputTokens += r.inputTokens
    c.outputTokens += r.outputTokens
    c.costMicros += r.costMicros
    if (r.usageEstimated) c.estimatedCalls++
    if (failed) c.failedCalls++
    else if ((r.attempts ?? 1) > 1) c.fallbackCalls++
  }
  return [...counters.values()]
}

/** Sums a batch per rollup key, so a batch costs one upsert per key instead of one per call. */
export function aggregateRollups(records: readonly InvocationRecord[]): {
  usage: UsageCounter[]
  latency: LatencyCounter[]
  aiUsage: AiUsageCounter[]
} {
  const usage = new Map<string, UsageCounter>()
  const latency = new Map<string, LatencyCounter>()
  for (const r of records) {
    const hour = hourStart(r.createdAt)
    // '' stands for "unknown" (a 401 has no consumer), so the unique keys work on both providers.
    const owner = r.ownerTeamId ?? ''
    const consumer = r.consumerTeamId ?? ''
    const api = r.apiId ?? ''
    const version = r.versionId ?? ''
    const statusClass = Math.floor(r.status / 100)
    const usageKey = `${hour}|${owner}|${consumer}|${api}|${version}|${statusClass}`
    let u = usage.get(usageKey)
    if (!u) {
      u = {
        hour,
        ownerTeamId: owner,
        consumerTeamId: consumer,
        apiId: api,
        versionId: version,
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
  return { usage: [...usage.values()], latency: [...latency.values()], aiUsage: aggregateAiUsage(records) }
}
