import type { InvocationRecord } from '../gateway/invocation-record'
import { hourStart, latencyBucket } from './hour-buckets'

// The AI rollups of a batch: AiUsageRollup's counters and AiLatencyRollup's histograms, both per
// (hour, owner, consumer, api, exposed model, provider model). Both writers (the SQLite thread and
// the Prisma sink) upsert what these return, so the two engines count alike.

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
export function aggregateAiUsage(records: readonly InvocationRecord[]): AiUsageCounter[] {
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

/** One histogram bound of one AiLatencyRollup key: total-latency and time-to-first-token counts. */
export type AiLatencyCounter = {
  hour: number
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  model: string
  provider: string
  bucketMs: number
  latencyCalls: number
  ttftCalls: number
}

/**
 * Latency of the calls a provider served (a failed call's time says how long we waited, not how
 * fast the model is, and has no provider to file it under), and TTFT of those that streamed.
 */
export function aggregateAiLatency(records: readonly InvocationRecord[]): AiLatencyCounter[] {
  const counters = new Map<string, AiLatencyCounter>()
  const add = (r: InvocationRecord, bucketMs: number, field: 'latencyCalls' | 'ttftCalls') => {
    const hour = hourStart(r.createdAt)
    const key = `${hour}|${r.ownerTeamId}|${r.consumerTeamId}|${r.apiId}|${r.model}|${r.provider}|${bucketMs}`
    let c = counters.get(key)
    if (!c) {
      c = {
        hour,
        ownerTeamId: r.ownerTeamId!,
        consumerTeamId: r.consumerTeamId!,
        apiId: r.apiId!,
        model: r.model!,
        provider: r.provider!,
        bucketMs,
        latencyCalls: 0,
        ttftCalls: 0,
      }
      counters.set(key, c)
    }
    c[field]++
  }
  for (const r of records) {
    if (!r.model || !r.provider || r.ownerTeamId === null || r.consumerTeamId === null || r.apiId === null) continue
    if (providerFailed(r)) continue
    add(r, latencyBucket(r.latencyMs), 'latencyCalls')
    if (r.ttftMs !== null && r.ttftMs !== undefined) add(r, latencyBucket(r.ttftMs), 'ttftCalls')
  }
  return [...counters.values()]
}
