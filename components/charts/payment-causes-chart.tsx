'use client'

import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { PaymentPoint } from '@/lib/analytics/get-402-over-time'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import { CAUSE_COLORS, CAUSE_LABELS, PAYMENT_CAUSES } from '@/lib/incidents/causes'
import type { Granularity } from './chart-time'
import { StackedTimeBars } from './stacked-time-bars'

/** Blocked (402) calls per cause, stacked per hour (or day). A bar segment opens the 402s of its bucket. */
export function PaymentCausesChart({
  data,
  granularity,
  teamSlug,
  view,
  filter,
}: {
  data: PaymentPoint[]
  granularity: Granularity
  teamSlug: string
  view: TeamView
  filter?: DashboardFilter
}) {
  // Only causes that occur get a legend entry; five empty swatches would be noise.
  const series = PAYMENT_CAUSES.filter((cause) => data.some((p) => p[cause] > 0)).map((cause) => ({
    key: cause,
    name: CAUSE_LABELS[cause],
    color: CAUSE_COLORS[cause],
  }))
  return (
    <StackedTimeBars
      data={data}
      series={series}
      granularity={granularity}
      label="Blocked calls by cause over time; select a bar to list its calls"
      unit="blocked calls"
      filename="blocked-calls-by-cause.csv"
      hrefFor={(point) =>
        callLogHref(teamSlug, {
          view,
          status: '402',
          from: point.from,
          to: point.to,
          api: filter?.apiId,
          consumer: filter?.consumerTeamId,
        })
      }
    />
  )
}
