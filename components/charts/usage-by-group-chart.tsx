'use client'

import { chartMoney, SERIES_COLORS } from '@/components/billing/chart-money'
import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { UsageByGroup } from '@/lib/analytics/get-usage-by-group'
import { groupCallFilter, groupNoun } from '@/lib/analytics/usage-groups'
import { microsToDecimal } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'
import { moneyAxis } from './axis-scale'
import type { Granularity } from './chart-time'
import { StackedTimeBars } from './stacked-time-bars'

/**
 * Calls or cost per hour (or day), stacked by API, consumer team, key or version. A segment opens
 * that bucket's calls with the group's filter added to the dashboard's own.
 */
export function UsageByGroupChart({
  usage,
  granularity,
  teamSlug,
  view,
  filter,
  currency = 'USD',
}: {
  usage: UsageByGroup
  granularity: Granularity
  teamSlug: string
  view: TeamView
  filter?: DashboardFilter
  currency?: string
}) {
  const by = groupNoun(usage.group)
  const money = usage.measure === 'costMicros'
  const idOf = new Map(usage.series.map((s) => [s.key, s.id]))
  return (
    <StackedTimeBars
      data={usage.points}
      series={usage.series.map((s, i) => ({
        key: s.key,
        name: s.label,
        color: SERIES_COLORS[i % SERIES_COLORS.length],
      }))}
      granularity={granularity}
      label={`${money ? 'Cost' : 'Requests'} by ${by} over time; select a bar to list its calls`}
      filename={`${money ? 'cost' : 'requests'}-by-${usage.group}.csv`}
      {...(money
        ? {
            unit: currency,
            axis: (max: number) => moneyAxis(max, currency),
            formatValue: (v: number) => chartMoney(v, currency),
            csvValue: (v: number) => microsToDecimal(Math.round(v)),
          }
        : {})}
      hrefFor={(point, key) =>
        callLogHref(teamSlug, {
          view,
          from: point.from,
          to: point.to,
          api: filter?.apiId,
          consumer: filter?.consumerTeamId,
          ...groupCallFilter(usage.group, idOf.get(key) ?? null),
        })
      }
    />
  )
}
