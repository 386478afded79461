import { CostByDayChart } from '@/components/charts/cost-by-day-chart'
import {
  RevenueByConsumerChart,
  type RevenueRow,
  type RevenueSeries,
} from '@/components/charts/revenue-by-consumer-chart'
import { CostByModelChart } from '@/components/charts/cost-by-model-chart'
import { SpendByApiChart } from '@/components/charts/spend-by-api-chart'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { CostPoint, CostSeries } from '@/lib/analytics/get-cost-by-day'
import type { CostByModel } from '@/lib/analytics/get-cost-by-model'
import type { RevenueApi, RevenueByConsumer } from '@/lib/analytics/get-revenue-by-consumer'
import type { SpendByApi } from '@/lib/analytics/get-spend-by-api'

type Props = {
  teamSlug: string
  currency: string
  window: { from: Date; to: Date }
  cost: { series: CostSeries[]; points: CostPoint[] }
  spend: SpendByApi[]
  /** Null for a team that owns no API: it has no revenue to chart. */
  revenue: { apis: RevenueApi[]; consumers: RevenueByConsumer[] } | null
  /** AI cost by exposed model: what the team spent, and (for API owners) what its AI APIs earned. */
  byModel: { spent: CostByModel[]; earned: CostByModel[] | null }
}

const modelBars = (rows: CostByModel[]) => rows.map((r) => ({ ...r, costMicros: Number(r.costMicros) }))

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="py-10 text-center text-sm text-slate-500">{children}</p>
}

/** The last 30 days from hourly rollups: cost per day, spend per API and, for API owners, revenue. */
export function BillingCharts({ teamSlug, currency, window, cost, spend, revenue, byModel }: Props) {
  const from = window.from.toISOString()
  const to = window.to.toISOString()
  const revenueSeries: RevenueSeries[] =
    revenue?.apis.map((a, i) => ({ key: `a${i}`, apiId: a.apiId, label: a.label })) ?? []
  const keyOf = new Map(revenueSeries.map((s) => [s.apiId, s.key]))
  const revenueRows: RevenueRow[] =
    revenue?.consumers.map((c) => {
      const row: RevenueRow = { consumer: c.consumerName, consumerId: c.consumerTeamId, total: Number(c.totalMicros) }
      for (const a of c.byApi) row[keyOf.get(a.apiId)!] = Number(a.costMicros)
      return row
    }) ?? []

  return (
    <div className="mb-6 grid gap-6 xl:grid-cols-2">
      <Card className="xl:col-span-2">
        <CardHeader
          title="Cost per day by API"
          description="Last 30 days, UTC days. Select a bar to list those calls."
        />
        <CardBody>
          {cost.series.length === 0 ? (
            <Empty>No paid calls in the last 30 days.</Empty>
          ) : (
            <CostByDayChart series={cost.series} points={cost.points} teamSlug={teamSlug} currency={currency} />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Spend by API" description="APIs your team calls, last 30 days." />
        <CardBody>
          {spend.length === 0 ? (
            <Empty>No spend in the last 30 days.</Empty>
          ) : (
            <SpendByApiChart
              bars={spend.map((s) => ({ ...s, costMicros: Number(s.costMicros) }))}
              teamSlug={teamSlug}
              currency={currency}
              from={from}
              to={to}
            />
          )}
        </CardBody>
      </Card>
      {byModel.spent.length > 0 ? (
        <Card>
          <CardHeader
            title="AI spend by model"
            description="What your team's AI calls cost per model, last 30 days. Select a model to list its calls."
          />
          <CardBody>
            <CostByModelChart
              bars={modelBars(byModel.spent)}
              teamSlug={teamSlug}
              currency={currency}
              view="consumer"
              from={from}
              to={to}
            />
          </CardBody>
        </Card>
      ) : null}
      {byModel.earned && byModel.earned.length > 0 ? (
        <Card>
          <CardHeader
            title="AI revenue by model"
            description="What consumers paid per model of your AI APIs, last 30 days. Select a model to list its calls."
          />
          <CardBody>
            <CostByModelChart
              bars={modelBars(byModel.earned)}
              teamSlug={teamSlug}
              currency={currency}
              view="owner"
              from={from}
              to={to}
            />
          </CardBody>
        </Card>
      ) : null}
      {revenue ? (
        <Card>
          <CardHeader
            title="Revenue by consumer team"
            description="What other teams paid for your APIs, last 30 days. Select a bar to list that team's calls to that API."
          />
          <CardBody>
            {revenueRows.length === 0 ? (
              <Empty>No revenue in the last 30 days.</Empty>
            ) : (
              <RevenueByConsumerChart
                rows={revenueRows}
                series={revenueSeries}
                teamSlug={teamSlug}
                currency={currency}
                from={from}
                to={to}
              />
            )}
          </CardBody>
        </Card>
      ) : null}
    </div>
  )
}
