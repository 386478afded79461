'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { PaymentPoint } from '@/lib/analytics/get-402-over-time'
import type { TeamView } from '@/lib/analytics/team-scope'
import { callLogHref } from '@/lib/calls/call-log-href'
import { CAUSE_COLORS, CAUSE_LABELS, PAYMENT_CAUSES } from '@/lib/incidents/causes'
import { bucketLabel, midnightTicks, tickLabel, type Granularity } from './chart-time'

const HEIGHT = 280

/** Blocked (402) calls per cause, stacked per hour (or day). A bar segment opens the 402s of its bucket. */
export function PaymentCausesChart({ data, granularity, teamSlug, view }: { data: PaymentPoint[]; granularity: Granularity; teamSlug: string; view: TeamView }) {
  const router = useRouter()
  const spansDays = data.length > 24
  // Only causes that occur get a legend entry; five empty swatches would be noise.
  const causes = PAYMENT_CAUSES.filter((cause) => data.some((p) => p[cause] > 0))
  return (
    <div style={{ height: HEIGHT }} role="figure" aria-label="Blocked calls by cause over time; select a bar to list its calls">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 800, height: HEIGHT }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="from" ticks={midnightTicks(data, granularity)} tickFormatter={(v: string) => tickLabel(v, granularity, spansDays)} minTickGap={24} tick={{ fontSize: 12, fill: '#64748b' }} />
          <YAxis allowDecimals={false} width={56} tick={{ fontSize: 12, fill: '#64748b' }} />
          <Tooltip labelFormatter={(v) => bucketLabel(String(v), granularity)} cursor={{ fill: '#f1f5f9' }} />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {causes.map((cause) => (
            <Bar key={cause} dataKey={cause} name={CAUSE_LABELS[cause]} stackId="cause" fill={CAUSE_COLORS[cause]} cursor="pointer" isAnimationActive={false}
              onClick={(item) => {
                const point = item.payload as PaymentPoint | undefined
                if (point) router.push(callLogHref(teamSlug, { view, status: '402', from: point.from, to: point.to }))
              }} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
