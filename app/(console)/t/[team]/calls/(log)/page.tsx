import type { Metadata } from 'next'
import { CallFilters } from '@/components/calls/call-filters'
import { CallsTable } from '@/components/calls/calls-table'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { formatCount, formatTime } from '@/components/ui/format'
import { CursorPagination, withParams } from '@/components/ui/pagination'
import { TEAM_VIEW_LABELS, TEAM_VIEWS } from '@/lib/teams/team-view'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listCallFilterOptions } from '@/lib/calls/list-call-filter-options'
import { countCalls } from '@/lib/calls/count-calls'
import { listCalls } from '@/lib/calls/list-calls'
import { callLogQueryToParams, parseCallLogQuery } from '@/lib/calls/schemas'
import { retentionCutoff, retentionDays } from '@/lib/metering/prune-invocations'

export const metadata: Metadata = { title: 'Call log' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function CallsPage({ params, searchParams }: Props) {
  const { team: slug } = await params
  const context = await requireTeamPage(slug)
  const query = parseCallLogQuery(await searchParams)
  const [page, total, options] = await Promise.all([
    listCalls(scopeOf(context), query),
    countCalls(scopeOf(context), query),
    listCallFilterOptions(scopeOf(context), { view: query.view, consumerTeamId: query.consumerTeamId }),
  ])
  const prunedBefore = new Date(retentionCutoff())
  const pruned = query.from < prunedBefore
  const basePath = `/t/${context.team.slug}/calls`
  const current = callLogQueryToParams(query)
  const filtered = Boolean(
    query.apiId ||
    query.versionId ||
    query.keyId ||
    query.status ||
    query.requestId ||
    query.incidentId ||
    query.consumerTeamId ||
    query.model ||
    query.provider ||
    query.slowMs !== undefined,
  )

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Call log"
        description="Every call through the gateway, newest first. Times are UTC."
        actions={
          <SegmentedLinks
            label="Whose calls"
            options={TEAM_VIEWS.map((view) => ({
              label: TEAM_VIEW_LABELS[view],
              // APIs, keys, versions and consumers differ between the two sides; status, time and request id carry over.
              href: withParams(basePath, current, {
                view: view === 'owner' ? undefined : view,
                api: undefined,
                key: undefined,
                version: undefined,
                consumer: undefined,
                provider: undefined,
              }),
              active: query.view === view,
            }))}
          />
        }
      />
      <CallFilters basePath={basePath} query={query} options={options} />
      {page.items.length === 0 && pruned ? (
        // A dashboard's older bars still count these calls (rollups are kept); the raw rows are gone.
        <EmptyState
          title={`Calls before ${formatTime(prunedBefore)} were pruned`}
          description={`The call log keeps each call for ${retentionDays()} days; the dashboards keep their totals. Pick a range after the cut-off to see the calls behind them.`}
        />
      ) : page.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No calls match these filters' : 'No calls in this time range'}
          description={
            query.view === 'owner'
              ? 'Calls to your APIs appear here a moment after the gateway answers them.'
              : 'Calls your team makes with its API keys appear here a moment after the gateway answers them.'
          }
        />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-500" data-call-count={total}>
            {formatCount(total)} {total === 1 ? 'call matches' : 'calls match'}
          </p>
          <CallsTable teamSlug={context.team.slug} calls={page.items} />
          <CursorPagination
            prevHref={page.prevCursor ? withParams(basePath, current, { before: page.prevCursor }) : null}
            nextHref={page.nextCursor ? withParams(basePath, current, { cursor: page.nextCursor }) : null}
          />
        </>
      )}
    </div>
  )
}
