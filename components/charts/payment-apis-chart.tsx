'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import { countAxis, moneyAxis, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'

export type PaymentApiBar = {
  apiId: string
  /** "team/api" */
  label: string
  /** Blocked calls (consumer) or lost revenue in micro-units (owner); for bar length only. */
  value: number
  /** The same value formatted on the server (money stays exact there). */
  display: string
}

const ROW_HEIGHT = 36

/** 402s per API, longest bar first. A bar opens that API's 402s over the same window. */
export function PaymentApisChart({
  data,
  metric,
  money,
  teamSlug,
  view,
  from,
  to,
}: {
  data: PaymentApiBar[]
  metric: string
  /** The team's currency when the bars are money; counts of calls without it. */
  money?: string
  teamSlug: string
  view: TeamView
  from: string
  to: string
}) {
  const router = useRouter()
  const height = Math.max(120, data.length * ROW_HEIGHT + 40)
  const display = new Map(data.map((d) => [d.apiId, d.display]))
  const max = Math.max(0, ...data.map((d) => d.value))
  const scale = money ? moneyAxis(max, money) : countAxis(max, 'blocked calls')
  return (
    <ChartFrame
      label={`${metric} by API; select a bar to list its calls`}
      units={money ? `${metric} in ${money}` : 'Blocked calls'}
      height={height}
      table={{
        filename: 'payment-incidents-by-api.csv',
        rows: data,
        columns: [
          { label: 'API', text: (d) => d.label },
          { label: metric, text: (d) => d.display, csv: (d) => (money ? d.display : d.value) },
        ],
      }}
    >
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxisProps(scale)} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            formatter={(_value, _name, item) => [display.get((item.payload as PaymentApiBar).apiId) ?? '', metric]}
          />
          <Bar
            dataKey="value"
            name={metric}
            fill="#ef4444"
            cursor="pointer"
            isAnimationActive={false}
            onClick={(item) => {
              const bar = item.payload as PaymentApiBar | undefined
              if (bar) router.push(callLogHref(teamSlug, { view, status: '402', api: bar.apiId, from, to }))
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  )
}
