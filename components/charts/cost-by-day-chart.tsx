'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { chartMoney, SERIES_COLORS } from '@/components/billing/chart-money'
import type { CostPoint, CostSeries } from '@/lib/analytics/get-cost-by-day'
import { microsToDecimal } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import { moneyAxis, stackedMax, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'
import { bucketLabel, tickLabel } from './chart-time'

const HEIGHT = 280

/** The team's cost per UTC day, stacked by API. A segment opens that day's calls to that API. */
export function CostByDayChart({
  series,
  points,
  teamSlug,
  currency,
}: {
  series: CostSeries[]
  points: CostPoint[]
  teamSlug: string
  currency: string
}) {
  const router = useRouter()
  const scale = moneyAxis(
    stackedMax(
      points,
      series.map((s) => s.key),
    ),
    currency,
  )
  const micros = (point: CostPoint, key: string) => Number(point[key] ?? 0)
  return (
    <ChartFrame
      label="Cost per day by API; select a bar to list its calls"
      units={`${currency} per day · days in UTC`}
      height={HEIGHT}
      table={{
        filename: 'cost-per-day.csv',
        rows: points,
        columns: [
          { label: 'Day (UTC)', text: (p) => bucketLabel(p.from, 'day'), csv: (p) => p.from.slice(0, 10) },
          ...series.map((s) => ({
            label: s.label,
            text: (p: CostPoint) => chartMoney(micros(p, s.key), currency),
            csv: (p: CostPoint) => microsToDecimal(Math.round(micros(p, s.key))),
          })),
          {
            label: 'Total',
            text: (p) => chartMoney(p.total, currency),
            csv: (p) => microsToDecimal(Math.round(p.total)),
          },
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 800, height: HEIGHT }}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="from"
            tickFormatter={(v: string) => tickLabel(v, 'day', true)}
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#64748b' }}
          />
          <YAxis width={64} {...valueAxisProps(scale)} />
          <Tooltip
            labelFormatter={(v) => bucketLabel(String(v), 'day')}
            formatter={(v) => chartMoney(v, currency)}
            cursor={{ fill: '#f1f5f9' }}
          />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="cost"
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const point = item.payload as CostPoint | undefined
                if (point)
                  router.push(
                    callLogHref(teamSlug, {
                      view: 'consumer',
                      api: s.apiId ?? undefined,
                      from: point.from,
                      to: point.to,
                    }),
                  )
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}
