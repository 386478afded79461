'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { StatusClassPoint } from '@/lib/analytics/get-status-classes-over-time'
import type { TeamView } from '@/lib/analytics/team-scope'
import { callLogHref } from '@/lib/calls/call-log-href'
import { bucketLabel, midnightTicks, tickLabel, type Granularity } from './chart-time'

const SERIES = [
  { key: '2xx', color: '#10b981' },
  { key: '3xx', color: '#60a5fa' },
  { key: '4xx', color: '#f59e0b' },
  { key: '5xx', color: '#ef4444' },
] as const

const HEIGHT = 280

/** Requests per status class, stacked per hour (or day). A bar segment opens exactly its calls. */
export function StatusClassesChart({ data, granularity, teamSlug, view }: { data: StatusClassPoint[]; granularity: Granularity; teamSlug: string; view: TeamView }) {
  const router = useRouter()
  const spansDays = data.length > 24
  return (
    <div style={{ height: HEIGHT }} role="figure" aria-label="Requests by status class over time; select a bar to list its calls">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 800, height: HEIGHT }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="from" ticks={midnightTicks(data, granularity)} tickFormatter={(v: string) => tickLabel(v, granularity, spansDays)} minTickGap={24} tick={{ fontSize: 12, fill: '#64748b' }} />
          <YAxis allowDecimals={false} width={56} tick={{ fontSize: 12, fill: '#64748b' }} />
          <Tooltip labelFormatter={(v) => bucketLabel(String(v), granularity)} cursor={{ fill: '#f1f5f9' }} />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.key} stackId="status" fill={s.color} cursor="pointer" isAnimationActive={false}
              onClick={(item) => {
                const point = item.payload as StatusClassPoint | undefined
                if (point) router.push(callLogHref(teamSlug, { view, status: s.key, from: point.from, to: point.to }))
              }} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
