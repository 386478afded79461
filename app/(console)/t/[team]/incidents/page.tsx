import type { Metadata } from 'next'
import { PaymentApisChart } from '@/components/charts/payment-apis-chart'
import { PaymentCausesChart } from '@/components/charts/payment-causes-chart'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { IncidentFilters } from '@/components/incidents/incident-filters'
import { IncidentSummary } from '@/components/incidents/incident-summary'
import { IncidentsTable } from '@/components/incidents/incidents-table'
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { DashboardRangeForm } from '@/components/charts/dashboard-range-form'
import {
  DASHBOARD_RANGES,
  dashboardQueryToParams,
  parseDashboardQuery,
  previousWindow,
  resolveQueryWindow,
} from '@/lib/analytics/dashboard-window'
import { listDashboardFilterOptions } from '@/lib/analytics/list-dashboard-filter-options'
import { get402sByApi } from '@/lib/analytics/get-402-by-api'
import { get402sOverTime } from '@/lib/analytics/get-402-over-time'
import type { TeamView } from '@/lib/teams/team-view'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { formatMicros } from '@/lib/billing/money'
import { countOpenIncidents } from '@/lib/incidents/count-open-incidents'
import { defaultIncidentView } from '@/lib/incidents/default-incident-view'
import { getIncidentViews } from '@/lib/incidents/get-incident-views'
import { listIncidents } from '@/lib/incidents/list-incidents'
import { parseListIncidentsQuery } from '@/lib/incidents/schemas'
import { resolveIncidentAction } from './actions'

export const metadata: Metadata = { title: 'Payment incidents' }

const RANGE_LABELS = { '24h': '24 h', '7d': '7 d', '30d': '30 d' } as const
const VIEW_LABELS: Record<TeamView, string> = { consumer: 'As consumer', owner: 'As owner' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function IncidentsPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const scope = scopeOf(context)
  const query = parseListIncidentsQuery(raw)
  const views = await getIncidentViews(scope)
  const view: TeamView = query.view ?? (await defaultIncidentView(scope, views))
  // The dashboard's own view param defaults to owner; the incidents page settles its side above.
  const dashboard = { ...parseDashboardQuery(raw), view }
  const { range, filter } = dashboard
  const period = resolveQueryWindow(dashboard)
  const request = { view, window: period, filter }
  const [timeline, byApi, before, open, list, options] = await Promise.all([
    get402sOverTime(scope, request),
    get402sByApi(scope, request),
    // The tiles compare with the period of the same length just before, as the errors dashboard's.
    get402sByApi(scope, { ...request, window: previousWindow(period) }),
    countOpenIncidents(scope, { view }),
    // The list shares the tiles' window and filters: what blocked calls in it, and every open episode.
    listIncidents(scope, { ...query, view, window: period, narrow: filter }),
    listDashboardFilterOptions(scope, { view }),
  ])

  const basePath = `/t/${context.team.slug}/incidents`
  const rangeParams = dashboardQueryToParams(dashboard)
  const shown: Record<string, string | undefined> = { ...rangeParams, view: query.view }
  const current = { ...shown, q: query.q, cause: query.cause, state: query.state }
  const filtered = Boolean(query.q || query.cause || query.state)
  const owner = view === 'owner'
  const apiBars = byApi.apis.map((a) => ({
    apiId: a.apiId,
    label: `${a.teamSlug}/${a.name}`,
    value: owner ? Number(a.revenueMicros) : a.blockedCalls,
    display: owner ? formatMicros(a.revenueMicros) : `${a.blockedCalls} calls`,
  }))

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Payment incidents"
        description={`HTTP 402 episodes: ${owner ? 'calls to your APIs refused because the consumer could not pay' : 'your calls refused because your team could not pay'}. Charts from hourly rollups (UTC).`}
        actions={
          <>
            {views.length > 1 ? (
              <SegmentedLinks
                label="Side"
                options={views.map((v) => ({
                  label: VIEW_LABELS[v],
                  href: withParams(basePath, { ...rangeParams, api: undefined, consumer: undefined }, { view: v }),
                  active: v === view,
                }))}
              />
            ) : null}
            <SegmentedLinks
              label="Time range"
              options={DASHBOARD_RANGES.map((r) => ({
                label: RANGE_LABELS[r],
                href: withParams(basePath, current, {
                  range: r === '24h' ? undefined : r,
                  from: undefined,
                  to: undefined,
                  page: undefined,
                }),
                active: r === range,
              }))}
            />
          </>
        }
      />
      <DashboardRangeForm basePath={basePath} query={dashboard} window={period} options={options} />
      <IncidentSummary
        teamSlug={context.team.slug}
        view={view}
        window={period}
        filter={filter}
        blockedCalls={byApi.totalCalls}
        revenueMicros={byApi.totalRevenueMicros}
        previous={{ blockedCalls: before.totalCalls, revenueMicros: before.totalRevenueMicros }}
        openIncidents={open}
        openHref={withParams(basePath, shown, { state: 'OPEN' })}
      />
      {byApi.totalCalls === 0 ? null : (
        <div className="mb-6 grid gap-6 xl:grid-cols-[3fr_2fr]">
          <Card>
            <CardHeader
              title="Blocked calls by cause"
              description={`${period.granularity === 'day' ? 'Per day' : 'Per hour'}; select a bar to list its 402s.`}
            />
            <CardBody>
              <PaymentCausesChart
                data={timeline}
                granularity={period.granularity}
                teamSlug={context.team.slug}
                view={view}
                filter={filter}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={owner ? 'Lost revenue by API' : 'Blocked calls by API'}
              description="Top 10; select a bar to list that API's 402s."
            />
            <CardBody>
              <PaymentApisChart
                data={apiBars}
                metric={owner ? 'Lost revenue' : 'Blocked calls'}
                money={owner ? 'USD' : undefined}
                teamSlug={context.team.slug}
                view={view}
                from={period.from.toISOString()}
                to={period.to.toISOString()}
              />
            </CardBody>
          </Card>
        </div>
      )}
      <section className="space-y-3" aria-labelledby="incidents-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="incidents-heading" className="text-sm font-semibold text-slate-900">
            Incidents
          </h2>
          <IncidentFilters basePath={basePath} query={query} keep={shown} />
        </div>
        {list.items.length === 0 ? (
          <EmptyState
            title={filtered ? 'No incidents match these filters' : 'No payment incidents'}
            description={
              owner
                ? 'When a consumer cannot pay for calls to your APIs, the gateway answers 402 and the episode shows up here.'
                : 'When your team cannot pay for a call, the gateway answers 402 and the episode shows up here with what to do about it.'
            }
          />
        ) : (
          <>
            <IncidentsTable
              teamSlug={context.team.slug}
              view={view}
              incidents={list.items}
              canResolve={context.can('incidents.write')}
              resolve={resolveIncidentAction}
            />
            <Pagination
              page={list.page}
              pageCount={list.pageCount}
              total={list.total}
              hrefFor={(page) => withParams(basePath, current, { page })}
            />
          </>
        )}
      </section>
    </div>
  )
}
