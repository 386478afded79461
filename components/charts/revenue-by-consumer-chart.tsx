'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { chartMoney, SERIES_COLORS } from '@/components/billing/chart-money'
import { microsToDecimal } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import { moneyAxis, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'

/** One consumer team: its name for the axis, its id for the drill-down, and a column per series. */
export type RevenueRow = { consumer: string; consumerId: string; total: number } & Record<string, number | string>
export type RevenueSeries = { key: string; apiId: string; label: string }

/**
 * Revenue per consumer team, stacked by API. A segment (consumer × API) opens the owner call log
 * filtered to that consumer team, that API and the chart's window.
 */
export function RevenueByConsumerChart({
  rows,
  series,
  teamSlug,
  currency,
  from,
  to,
}: {
  rows: RevenueRow[]
  series: RevenueSeries[]
  teamSlug: string
  currency: string
  from: string
  to: string
}) {
  const router = useRouter()
  const height = Math.max(140, rows.length * 40 + 60)
  const scale = moneyAxis(Math.max(0, ...rows.map((r) => r.total)), currency)
  const micros = (row: RevenueRow, key: string) => Number(row[key] ?? 0)
  return (
    <ChartFrame
      label="Revenue by consumer team; select a bar to list its calls"
      units={`Revenue in ${currency}`}
      height={height}
      table={{
        filename: 'revenue-by-consumer.csv',
        rows,
        columns: [
          { label: 'Consumer team', text: (r) => r.consumer },
          ...series.map((s) => ({
            label: s.label,
            text: (r: RevenueRow) => chartMoney(micros(r, s.key), currency),
            csv: (r: RevenueRow) => microsToDecimal(Math.round(micros(r, s.key))),
          })),
          {
            label: 'Total',
            text: (r) => chartMoney(r.total, currency),
            csv: (r) => microsToDecimal(Math.round(r.total)),
          },
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxisProps(scale)} />
          <YAxis type="category" dataKey="consumer" width={140} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip formatter={(v) => chartMoney(v, currency)} cursor={{ fill: '#f1f5f9' }} />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="revenue"
              fill={SERIES_COLORS[i % SERIES_COLORS.length]}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const row = item.payload as RevenueRow | undefined
                if (row)
                  router.push(
                    callLogHref(teamSlug, { view: 'owner', consumer: row.consumerId, api: s.apiId, from, to }),
                  )
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}
