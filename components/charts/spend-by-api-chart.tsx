'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { chartMoney } from '@/components/billing/chart-money'
import { formatCount } from '@/components/ui/format'
import { microsToDecimal } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import { moneyAxis, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'

export type SpendBar = { apiId: string; label: string; costMicros: number; calls: number }

/** Spend per API over the window, biggest first. A bar opens the window's calls to that API. */
export function SpendByApiChart({
  bars,
  teamSlug,
  currency,
  from,
  to,
}: {
  bars: SpendBar[]
  teamSlug: string
  currency: string
  from: string
  to: string
}) {
  const router = useRouter()
  const height = Math.max(120, bars.length * 36 + 40)
  const scale = moneyAxis(Math.max(0, ...bars.map((b) => b.costMicros)), currency)
  return (
    <ChartFrame
      label="Spend by API; select a bar to list its calls"
      units={`Spend in ${currency}`}
      height={height}
      table={{
        filename: 'spend-by-api.csv',
        rows: bars,
        columns: [
          { label: 'API', text: (b) => b.label },
          { label: 'Calls', text: (b) => formatCount(b.calls), csv: (b) => b.calls },
          {
            label: `Spend (${currency})`,
            text: (b) => chartMoney(b.costMicros, currency),
            csv: (b) => microsToDecimal(Math.round(b.costMicros)),
          },
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxisProps(scale)} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip formatter={(v) => chartMoney(v, currency)} cursor={{ fill: '#f1f5f9' }} />
          <Bar
            dataKey="costMicros"
            name="Spend"
            fill="#2563eb"
            cursor="pointer"
            isAnimationActive={false}
            onClick={(item) => {
              const bar = item.payload as SpendBar | undefined
              if (bar) router.push(callLogHref(teamSlug, { view: 'consumer', api: bar.apiId, from, to }))
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}
