import type { Metadata } from 'next'
import { LatencyPercentilesChart } from '@/components/charts/latency-percentiles-chart'
import { StatusClassesChart } from '@/components/charts/status-classes-chart'
import { UsageByGroupChart } from '@/components/charts/usage-by-group-chart'
import { ErrorSummary } from '@/components/calls/error-summary'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { TopFailingApisTable } from '@/components/calls/top-failing-apis-table'
import { formatWindow } from '@/components/ui/format'
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from '@/components/ui/card'
import { withParams } from '@/components/ui/pagination'
import { DashboardRangeForm } from '@/components/charts/dashboard-range-form'
import {
  DASHBOARD_RANGES,
  dashboardQueryToParams,
  parseDashboardQuery,
  previousWindow,
  resolveQueryWindow,
} from '@/lib/analytics/dashboard-window'
import { listDashboardFilterOptions } from '@/lib/analytics/list-dashboard-filter-options'
import { getLatencyPercentilesOverTime } from '@/lib/analytics/get-latency-percentiles-over-time'
import { getStatusClassesOverTime } from '@/lib/analytics/get-status-classes-over-time'
import { getTopFailingApis } from '@/lib/analytics/get-top-failing-apis'
import { getUsageByGroup } from '@/lib/analytics/get-usage-by-group'
import { getUsageSummary } from '@/lib/analytics/get-usage-summary'
import { groupNoun, USAGE_GROUP_LABELS, usageGroupsFor } from '@/lib/analytics/usage-groups'
import { TEAM_VIEW_LABELS, TEAM_VIEWS } from '@/lib/teams/team-view'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'

export const metadata: Metadata = { title: 'Errors & latency' }

const RANGE_LABELS = { '24h': '24 h', '7d': '7 d', '30d': '30 d' } as const

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ErrorsPage({ params, searchParams }: Props) {
  const { team: slug } = await params
  const context = await requireTeamPage(slug)
  const query = parseDashboardQuery(await searchParams)
  const { range, view, filter } = query
  const period = resolveQueryWindow(query)
  const scope = scopeOf(context)
  const request = { view, window: period, filter }
  const { group } = query
  const [classes, latency, summary, previous, topFailing, options] = await Promise.all([
    group ? getUsageByGroup(scope, { ...request, group, measure: 'calls' }) : getStatusClassesOverTime(scope, request),
    getLatencyPercentilesOverTime(scope, request),
    getUsageSummary(scope, request),
    getUsageSummary(scope, { ...request, window: previousWindow(period) }),
    getTopFailingApis(scope, request),
    listDashboardFilterOptions(scope, { view }),
  ])
  const basePath = `/t/${context.team.slug}/errors`
  const current = dashboardQueryToParams(query)
  const chartProps = { granularity: period.granularity, teamSlug: context.team.slug, view, filter }
  const tableProps = { teamSlug: context.team.slug, view, window: period, filter }

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Errors & latency"
        description={`${formatWindow(period)}, from hourly rollups ${period.granularity === 'day' ? 'per day' : 'per hour'}; tiles compare with the period just before. Every number and bar opens the matching calls.`}
        actions={
          <>
            <SegmentedLinks
              label="Whose calls"
              options={TEAM_VIEWS.map((v) => ({
                label: TEAM_VIEW_LABELS[v],
                // APIs and consumers differ between the two sides; the range carries over.
                href: withParams(basePath, current, {
                  view: v === 'owner' ? undefined : v,
                  api: undefined,
                  consumer: undefined,
                }),
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
          </>
        }
      />
      <DashboardRangeForm basePath={basePath} query={query} window={period} options={options} />
      {summary.calls === 0 ? (
        <EmptyState
          title="No calls in this time range"
          description={
            view === 'owner'
              ? 'Once consumers call your APIs through the gateway, their status codes and latency show up here.'
              : 'Once your team calls APIs through the gateway, their status codes and latency show up here.'
          }
        />
      ) : (
        <>
          <ErrorSummary {...tableProps} summary={summary} previous={previous} p95={latency.overall.p95} />
          <div className="mb-6 grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader
                title={`Requests by ${group ? groupNoun(group) : 'status class'}`}
                description="Select a bar to list those calls."
              />
              <CardBody>
                <div className="mb-3 overflow-x-auto">
                  <SegmentedLinks
                    label="Group requests by"
                    options={[undefined, ...usageGroupsFor(view)].map((g) => ({
                      label: g ? USAGE_GROUP_LABELS[g] : 'Status',
                      href: withParams(basePath, current, { group: g }),
                      active: g === group,
                    }))}
                  />
                </div>
                {Array.isArray(classes) ? (
                  <StatusClassesChart data={classes} {...chartProps} />
                ) : (
                  <UsageByGroupChart usage={classes} {...chartProps} />
                )}
              </CardBody>
            </Card>
            <Card>
              <CardHeader
                title="Latency p50 / p95 / p99"
                description="From latency histograms; select a point to list calls slower than its p95."
              />
              <CardBody>
                <LatencyPercentilesChart data={latency.points} {...chartProps} />
              </CardBody>
            </Card>
          </div>
          <section aria-labelledby="top-failing-heading" className="space-y-3">
            <h2 id="top-failing-heading" className="text-sm font-semibold text-slate-900">
              Top failing APIs and versions
            </h2>
            {topFailing.length === 0 ? (
              <EmptyState title="No failed calls" description="Nothing answered 4xx or 5xx in this time range." />
            ) : (
              <TopFailingApisTable {...tableProps} apis={topFailing} />
            )}
          </section>
        </>
      )}
    </div>
  )
}
