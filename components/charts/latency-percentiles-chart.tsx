'use client'

import { useRouter } from 'next/navigation'
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from 'recharts'
import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { LatencyPoint } from '@/lib/analytics/get-latency-percentiles-over-time'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import { formatCount, formatMsExact } from '@/components/ui/format'
import { latencyAxis, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'
import { bucketLabel, midnightTicks, tickLabel, type Granularity } from './chart-time'

const SERIES = [
  { key: 'p50', color: '#1f57d1' },
  { key: 'p95', color: '#f59e0b' },
  { key: 'p99', color: '#ef4444' },
] as const

const HEIGHT = 280

/** A bucket with no data on either side has no line segment to show it, so it gets a dot of its own. */
function isolatedDot(data: LatencyPoint[], key: (typeof SERIES)[number]['key'], color: string) {
  return function IsolatedDot({ cx, cy, index }: DotItemDotProps) {
    const alone = data[index]?.[key] != null && data[index - 1]?.[key] == null && data[index + 1]?.[key] == null
    return alone && cx !== undefined && cy !== undefined ? (
      <circle key={`${key}-${index}`} cx={cx} cy={cy} r={3} fill={color} />
    ) : null
  }
}

/**
 * p50/p95/p99 per hour (or day). A log axis, because p99 is often 100× p50 and a linear one
 * flattens the median. Clicking a point lists that bucket's calls slower than its p95.
 */
export function LatencyPercentilesChart({
  data,
  granularity,
  teamSlug,
  view,
  filter,
}: {
  data: LatencyPoint[]
  granularity: Granularity
  teamSlug: string
  view: TeamView
  filter?: DashboardFilter
}) {
  const router = useRouter()
  const spansDays = data.length > 24
  const measured = data.flatMap((p) => SERIES.map((s) => p[s.key]).filter((v): v is number => v !== null && v > 0))
  const scale = latencyAxis(Math.min(...measured, 1), Math.max(...measured, 1))
  const per = granularity === 'day' ? 'Day' : 'Hour'
  return (
    <ChartFrame
      label="Latency percentiles over time; select a point to list the slowest calls"
      units={`Milliseconds (ms), log scale, per ${per.toLowerCase()} · time in UTC`}
      height={HEIGHT}
      table={{
        filename: 'latency-percentiles.csv',
        rows: data,
        columns: [
          { label: `${per} (UTC)`, text: (p) => bucketLabel(p.from, granularity), csv: (p) => p.from },
          { label: 'Calls', text: (p) => formatCount(p.calls), csv: (p) => p.calls },
          ...SERIES.map((s) => ({
            label: `${s.key} (ms)`,
            text: (p: LatencyPoint) => formatMsExact(p[s.key]),
            csv: (p: LatencyPoint) => p[s.key],
          })),
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 800, height: HEIGHT }}>
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          style={{ cursor: 'pointer' }}
          onClick={(state) => {
            const point = state.activeTooltipIndex === undefined ? undefined : data[Number(state.activeTooltipIndex)]
            if (point && point.p95 !== null)
              router.push(
                callLogHref(teamSlug, {
                  view,
                  from: point.from,
                  to: point.to,
                  slow: point.p95,
                  api: filter?.apiId,
                  consumer: filter?.consumerTeamId,
                }),
              )
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="from"
            ticks={midnightTicks(data, granularity)}
            tickFormatter={(v: string) => tickLabel(v, granularity, spansDays)}
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#64748b' }}
          />
          <YAxis scale="log" allowDataOverflow width={48} {...valueAxisProps(scale)} />
          <Tooltip
            labelFormatter={(v) => bucketLabel(String(v), granularity)}
            formatter={(v) => formatMsExact(typeof v === 'number' ? v : null)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.key}
              stroke={s.color}
              strokeWidth={2}
              dot={isolatedDot(data, s.key, s.color)}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}
