'use client'

import { chartMoney, SERIES_COLORS } from '@/components/billing/chart-money'
import { moneyAxis } from '@/components/charts/axis-scale'
import type { Granularity } from '@/components/charts/chart-time'
import { StackedTimeBars } from '@/components/charts/stacked-time-bars'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { AiCostOverTime } from '@/lib/analytics/ai-usage/get-ai-cost-over-time'
import type { AiReliabilityPoint } from '@/lib/analytics/ai-usage/get-ai-reliability-over-time'
import type { AiTokensPoint } from '@/lib/analytics/ai-usage/get-ai-tokens-over-time'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

// The AI dashboard's three timelines: tokens in and out, cost stacked by model, and how calls were
// served (first try, by a fallback, or failed by every provider). Every segment opens its calls:
// those that reached a provider, as the rollups count them (never the ones refused before).

const OTHER_MODELS = '__other__'

const TOKEN_SERIES = [
  { key: 'inputTokens', name: 'Input tokens', color: '#2563eb' },
  { key: 'outputTokens', name: 'Output tokens', color: '#10b981' },
]
const RELIABILITY_SERIES = [
  { key: 'firstTry', name: 'Served first try', color: '#94a3b8' },
  { key: 'fallback', name: 'Served by a fallback', color: '#f59e0b' },
  { key: 'failed', name: 'Provider errors', color: '#ef4444' },
]

export function AiUsageCharts({
  teamSlug,
  view,
  granularity,
  currency,
  tokens,
  cost,
  reliability,
}: {
  teamSlug: string
  view: TeamView
  granularity: Granularity
  currency: string
  tokens: AiTokensPoint[]
  cost: AiCostOverTime
  reliability: AiReliabilityPoint[]
}) {
  const href = (point: { from: string; to: string }, extra: Parameters<typeof callLogHref>[1] = { view }) =>
    callLogHref(teamSlug, { ai: 'reached', ...extra, view, from: point.from, to: point.to })
  // Model names may hold dots, which recharts reads as paths: series get plain keys.
  const costSeries = cost.models.map((model, i) => ({
    key: `m${i}`,
    model,
    name: model === OTHER_MODELS ? 'Other models' : model,
    color: SERIES_COLORS[i % SERIES_COLORS.length],
  }))
  const costPoints = cost.points.map((p) => ({
    from: p.from,
    to: p.to,
    ...Object.fromEntries(costSeries.map((s) => [s.key, p.costs[s.model] ?? 0])),
  }))

  return (
    <div className="mb-6 grid gap-6 xl:grid-cols-2">
      <Card>
        <CardHeader title="Tokens over time" description="Input and output tokens; select a bar to list its calls." />
        <CardBody>
          <StackedTimeBars
            data={tokens}
            series={TOKEN_SERIES}
            granularity={granularity}
            label="AI tokens over time, input and output"
            unit="tokens"
            filename="ai-tokens.csv"
            hrefFor={(point) => href(point)}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Cost by model" description="Stacked by the model asked for; a segment lists its calls." />
        <CardBody>
          <StackedTimeBars
            data={costPoints}
            series={costSeries}
            granularity={granularity}
            label="AI cost over time by model"
            axis={(max) => moneyAxis(max, currency)}
            formatValue={(v) => chartMoney(v, currency)}
            filename="ai-cost-by-model.csv"
            hrefFor={(point, key) => {
              const model = costSeries.find((s) => s.key === key)?.model
              return href(point, { view, model: model === OTHER_MODELS ? undefined : model })
            }}
          />
        </CardBody>
      </Card>
      <Card className="xl:col-span-2">
        <CardHeader
          title="Fallbacks and provider errors"
          description="Calls served first time, served by a fallback model, or failed by every provider."
        />
        <CardBody>
          <StackedTimeBars
            data={reliability}
            series={RELIABILITY_SERIES}
            granularity={granularity}
            label="AI calls by how they were served, over time"
            filename="ai-calls-by-outcome.csv"
            hrefFor={(point, key) =>
              href(
                point,
                key === 'failed'
                  ? { view, status: '5xx' }
                  : { view, attempts: key === 'fallback' ? 'fallback' : 'first' },
              )
            }
          />
        </CardBody>
      </Card>
    </div>
  )
}
