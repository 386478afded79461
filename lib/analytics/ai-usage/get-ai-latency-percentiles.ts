import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { rollupWhere, type DashboardRequest } from '../dashboard-window'
import { percentiles, type HistogramBucket, type Percentiles } from '../histogram-quantile'
import { getProviderLabels, servingKey } from './provider-labels'

// Total latency and time to first token, p50/p95/p99, per exposed model and per provider model,
// from the AiLatencyRollup histograms. Percentiles cannot be averaged, so each row merges the
// counts of its hours, consumers and APIs before taking the quantiles.

export type AiLatencyRow = {
  /** The exposed model, or the provider model that served. */
  name: string
  /** Per provider model: the provider's name (null when the model is gone). */
  providerName: string | null
  calls: number
  latency: Percentiles
  /** Streamed calls only. */
  ttftCalls: number
  ttft: Percentiles
}

export type AiLatencyPercentiles = { byModel: AiLatencyRow[]; byProvider: AiLatencyRow[] }

type Histograms = { latency: Map<number, number>; ttft: Map<number, number> }

export async function getAiLatencyPercentiles(
  { teamId }: TeamReadScope,
  request: DashboardRequest,
): Promise<AiLatencyPercentiles> {
  const groups = await db.aiLatencyRollup.groupBy({
    by: ['model', 'ownerTeamId', 'provider', 'bucketMs'],
    where: rollupWhere(teamId, request),
    _sum: { latencyCalls: true, ttftCalls: true },
  })
  const byModel = new Map<string, Histograms>()
  const byProvider = new Map<string, Histograms & { provider: string; ownerTeamId: string }>()
  for (const g of groups) {
    const key = servingKey(g)
    if (!byModel.has(g.model)) byModel.set(g.model, { latency: new Map(), ttft: new Map() })
    if (!byProvider.has(key))
      byProvider.set(key, { latency: new Map(), ttft: new Map(), provider: g.provider, ownerTeamId: g.ownerTeamId })
    for (const h of [byModel.get(g.model)!, byProvider.get(key)!]) {
      add(h.latency, g.bucketMs, g._sum.latencyCalls ?? 0)
      add(h.ttft, g.bucketMs, g._sum.ttftCalls ?? 0)
    }
  }
  const labels = await getProviderLabels([...byProvider.values()])
  const rows = (entries: Array<[string, Histograms, string | null]>) =>
    entries
      .map(([name, h, providerName]) => {
        const latency = toBuckets(h.latency)
        const ttft = toBuckets(h.ttft)
        return {
          name,
          providerName,
          calls: total(latency),
          latency: percentiles(latency),
          ttftCalls: total(ttft),
          ttft: percentiles(ttft),
        }
      })
      .filter((r) => r.calls > 0)
      .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name))
  return {
    byModel: rows([...byModel].map(([model, h]) => [model, h, null])),
    byProvider: rows([...byProvider].map(([key, h]) => [h.provider, h, labels.get(key) ?? null])),
  }
}

function add(m: Map<number, number>, bucketMs: number, calls: number) {
  if (calls > 0) m.set(bucketMs, (m.get(bucketMs) ?? 0) + calls)
}

const toBuckets = (m: Map<number, number>): HistogramBucket[] =>
  [...m].map(([bucketMs, calls]) => ({ bucketMs, calls }))
const total = (b: HistogramBucket[]) => b.reduce((s, x) => s + x.calls, 0)
