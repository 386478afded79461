import { StatTiles } from '@/components/ui/stat-tiles'
import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { UsageSummary } from '@/lib/analytics/get-usage-summary'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import { formatChange, formatCount, formatMs, formatPercent } from '@/components/ui/format'

type Window = { from: Date; to: Date }

/** The dashboard's headline numbers; each one opens the calls behind it. */
export function ErrorSummary({
  teamSlug,
  view,
  window,
  summary,
  previous,
  p95,
  filter,
}: {
  teamSlug: string
  view: TeamView
  window: Window
  summary: UsageSummary
  /** The same figures over the period of the same length just before. */
  previous: UsageSummary
  p95: number | null
  filter?: DashboardFilter
}) {
  const href = (extra: { status?: string; slow?: number }) =>
    callLogHref(teamSlug, {
      view,
      from: window.from,
      to: window.to,
      api: filter?.apiId,
      consumer: filter?.consumerTeamId,
      ...extra,
    })
  const tiles = [
    {
      label: 'Total calls',
      value: formatCount(summary.calls),
      detail: formatChange(summary.calls, previous.calls),
      href: href({}),
    },
    {
      label: 'Error rate',
      value: formatPercent(summary.errorRate),
      detail: `${formatCount(summary.clientErrors + summary.serverErrors)} failed; ${formatChange(summary.errorRate, previous.errorRate, formatPercent)}`,
      href: href({ status: 'errors' }),
    },
    {
      label: 'Server errors (5xx)',
      value: formatCount(summary.serverErrors),
      detail: formatChange(summary.serverErrors, previous.serverErrors),
      href: href({ status: '5xx' }),
    },
    {
      label: 'Payment required (402)',
      value: formatCount(summary.blocked402),
      detail: formatChange(summary.blocked402, previous.blocked402),
      href: href({ status: '402' }),
    },
    {
      label: 'p95 latency',
      value: formatMs(p95),
      detail: summary.avgLatencyMs === null ? undefined : `mean ${formatMs(summary.avgLatencyMs)}`,
      href: p95 === null ? href({}) : href({ slow: p95 }),
    },
  ]
  return <StatTiles tiles={tiles} className="sm:grid-cols-2 lg:grid-cols-5" />
}
