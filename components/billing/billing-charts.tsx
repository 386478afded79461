import { UsageByGroupChart } from '@/components/charts/usage-by-group-chart'
import {
  RevenueByConsumerChart,
  type RevenueRow,
  type RevenueSeries,
} from '@/components/charts/revenue-by-consumer-chart'
import { CostByModelChart } from '@/components/charts/cost-by-model-chart'
import { SpendByApiChart } from '@/components/charts/spend-by-api-chart'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import type { DashboardWindow } from '@/lib/analytics/dashboard-window'
import type { UsageByGroup } from '@/lib/analytics/get-usage-by-group'
import { groupNoun } from '@/lib/analytics/usage-groups'
import { formatWindow } from '@/components/ui/format'
import type { CostByModel } from '@/lib/analytics/get-cost-by-model'
import type { RevenueApi, RevenueByConsumer } from '@/lib/analytics/get-revenue-by-consumer'
import type { SpendByApi } from '@/lib/analytics/get-spend-by-api'

type Props = {
  teamSlug: string
  currency: string
  window: DashboardWindow
  /** Cost per day (or hour, for short ranges) by API, key or version. */
  cost: UsageByGroup
  /** The cost chart's "group by" links. */
  groupBy: React.ReactNode
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

/** The chosen range from hourly rollups: cost over time, spend per API and, for API owners, revenue. */
export function BillingCharts({ teamSlug, currency, window, cost, groupBy, spend, revenue, byModel }: Props) {
  const range = formatWindow(window)
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
          title={`Cost per ${window.granularity} by ${groupNoun(cost.group)}`}
          description={`${range}. Select a bar to list those calls.`}
        />
        <CardBody>
          <div className="mb-3 overflow-x-auto">{groupBy}</div>
          {cost.series.length === 0 ? (
            <Empty>No paid calls in this range.</Empty>
          ) : (
            <UsageByGroupChart
              usage={cost}
              granularity={window.granularity}
              teamSlug={teamSlug}
              view="consumer"
              currency={currency}
            />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Spend by API" description={`APIs your team calls, ${range}.`} />
        <CardBody>
          {spend.length === 0 ? (
            <Empty>No spend in this range.</Empty>
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
            description={`What your team's AI calls cost per model, ${range}. Select a model to list its calls.`}
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
            description={`What consumers paid per model of your AI APIs, ${range}. Select a model to list its calls.`}
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
            description={`What other teams paid for your APIs, ${range}. Select a bar to list that team's calls to that API.`}
          />
          <CardBody>
            {revenueRows.length === 0 ? (
              <Empty>No revenue in this range.</Empty>
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
