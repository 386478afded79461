import type { Metadata } from 'next'
import { AiLatencyTable } from '@/components/ai-usage/ai-latency-table'
import { AiProviderShareTable } from '@/components/ai-usage/ai-provider-share-table'
import { AiTopPartiesTable } from '@/components/ai-usage/ai-top-parties-table'
import { AiUsageCharts } from '@/components/ai-usage/ai-usage-charts'
import { AiUsageSummaryTiles } from '@/components/ai-usage/ai-usage-summary'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { DashboardRangeForm } from '@/components/charts/dashboard-range-form'
import { formatWindow } from '@/components/ui/format'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { withParams } from '@/components/ui/pagination'
import { PRICE_LIST } from '@/lib/ai/console/price-list'
import { parseAiUsageQuery, teamOwnsAiApis } from '@/lib/analytics/ai-usage/ai-usage-query'
import { loadAiUsageDashboard } from '@/lib/analytics/ai-usage/load-ai-usage-dashboard'
import { DASHBOARD_RANGES, dashboardQueryToParams, resolveQueryWindow } from '@/lib/analytics/dashboard-window'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { TEAM_VIEWS } from '@/lib/teams/team-view'

export const metadata: Metadata = { title: 'AI usage' }

const RANGE_LABELS = { '24h': '24 h', '7d': '7 d', '30d': '30 d' } as const
const VIEW_LABELS = { owner: 'Calls to our AI APIs', consumer: 'Our AI calls' } as const

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AiUsagePage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const scope = scopeOf(context)
  const ownsAiApis = await teamOwnsAiApis(scope)
  const query = parseAiUsageQuery(raw, ownsAiApis)
  const { range, view } = query
  const period = resolveQueryWindow(query)
  const request = { view, window: period }
  const { summary, previous, tokens, cost, reliability, latency, providers, parties } = await loadAiUsageDashboard(
    scope,
    request,
  )
  const basePath = `/t/${context.team.slug}/ai/usage`
  const defaultView = ownsAiApis ? 'owner' : 'consumer'
  // The page reads no API or consumer filter: links carry the range (preset or custom) and the view.
  const current = {
    ...dashboardQueryToParams(query),
    view: view === defaultView ? undefined : view,
    api: undefined,
    consumer: undefined,
  }
  const currency = PRICE_LIST.currency
  const tableProps = { teamSlug: context.team.slug, view, window: period }

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="AI usage"
        description={`${formatWindow(period)}: tokens, cost, latency and providers of AI calls, from hourly rollups ${period.granularity === 'day' ? 'per day' : 'per hour'} (UTC); tiles compare with the period just before. Every number opens the matching calls.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <SegmentedLinks
              label="Whose calls"
              options={TEAM_VIEWS.map((v) => ({
                label: VIEW_LABELS[v],
                href: withParams(basePath, current, { view: v === defaultView ? undefined : v }),
                active: v === view,
              }))}
            />
            <SegmentedLinks
              label="Time range"
              options={DASHBOARD_RANGES.map((r) => ({
                label: RANGE_LABELS[r],
                href: withParams(basePath, current, {
                  range: r === '24h' ? undefined : r,
                  from: undefined,
                  to: undefined,
                }),
                active: r === range,
              }))}
            />
          </div>
        }
      />
      <DashboardRangeForm basePath={basePath} query={query} window={period} />
      {summary.calls === 0 ? (
        <EmptyState
          title="No AI calls in this time range"
          description={
            view === 'owner'
              ? 'Once consumers call your AI APIs through the gateway, their tokens, cost and latency show up here.'
              : 'Once your team calls AI APIs through the gateway, their tokens, cost and latency show up here.'
          }
        />
      ) : (
        <>
          <AiUsageSummaryTiles {...tableProps} currency={currency} summary={summary} previous={previous} />
          <AiUsageCharts
            teamSlug={context.team.slug}
            view={view}
            granularity={period.granularity}
            currency={currency}
            tokens={tokens}
            cost={cost}
            reliability={reliability}
          />
          <div className="space-y-6">
            <Section id="latency-by-model" title="Latency and time to first token by model">
              <AiLatencyTable {...tableProps} rows={latency.byModel} by="model" />
            </Section>
            <Section id="latency-by-provider" title="Latency and time to first token by provider model">
              <AiLatencyTable {...tableProps} rows={latency.byProvider} by="provider" />
            </Section>
            <Section id="providers" title="Which provider served how much">
              <AiProviderShareTable {...tableProps} currency={currency} providers={providers.providers} />
            </Section>
            <Section id="top" title={view === 'owner' ? 'Top consumers' : 'Top AI APIs'}>
              <AiTopPartiesTable {...tableProps} currency={currency} parties={parties} />
            </Section>
          </div>
        </>
      )}
    </div>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  )
}
