'use client'

import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { StatusClassPoint } from '@/lib/analytics/get-status-classes-over-time'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { Granularity } from './chart-time'
import { StackedTimeBars } from './stacked-time-bars'

const SERIES = [
  { key: '2xx', name: '2xx', color: '#10b981' },
  { key: '3xx', name: '3xx', color: '#60a5fa' },
  { key: '4xx', name: '4xx', color: '#f59e0b' },
  { key: '5xx', name: '5xx', color: '#ef4444' },
] as const

/** Requests per status class, stacked per hour (or day). A bar segment opens exactly its calls. */
export function StatusClassesChart({
  data,
  granularity,
  teamSlug,
  view,
  filter,
}: {
  data: StatusClassPoint[]
  granularity: Granularity
  teamSlug: string
  view: TeamView
  filter?: DashboardFilter
}) {
  return (
    <StackedTimeBars
      data={data}
      series={SERIES}
      granularity={granularity}
      label="Requests by status class over time; select a bar to list its calls"
      filename="requests-by-status-class.csv"
      hrefFor={(point, status) =>
        callLogHref(teamSlug, {
          view,
          status,
          from: point.from,
          to: point.to,
          api: filter?.apiId,
          consumer: filter?.consumerTeamId,
        })
      }
    />
  )
}
