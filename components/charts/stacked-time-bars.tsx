'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { bucketLabel, midnightTicks, tickLabel, type Granularity } from './chart-time'

// Counts per time bucket (hour or day), stacked by series, where every bar segment drills into
// the calls behind it. The dashboards' timelines (status classes, 402 causes) are all this shape.

export type StackSeries = { key: string; name: string; color: string }
export type TimeBucket = { from: string; to: string }

const HEIGHT = 280

export function StackedTimeBars<P extends TimeBucket>({
  data,
  series,
  granularity,
  label,
  hrefFor,
  formatValue,
}: {
  data: P[]
  series: readonly StackSeries[]
  granularity: Granularity
  /** The figure's accessible name. */
  label: string
  /** Where a click on one series' segment of one bucket leads. */
  hrefFor: (point: P, seriesKey: string) => string
  /** Axis and tooltip text for a value (money in micro-units, say); plain counts without it. */
  formatValue?: (value: number) => string
}) {
  const router = useRouter()
  const spansDays = data.length > 24
  return (
    <div style={{ height: HEIGHT }} className="overflow-hidden" role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 800, height: HEIGHT }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="from"
            ticks={midnightTicks(data, granularity)}
            tickFormatter={(v: string) => tickLabel(v, granularity, spansDays)}
            minTickGap={24}
            tick={{ fontSize: 12, fill: '#64748b' }}
          />
          <YAxis
            allowDecimals={false}
            width={formatValue ? 64 : 56}
            tickFormatter={formatValue}
            tick={{ fontSize: 12, fill: '#64748b' }}
          />
          <Tooltip
            labelFormatter={(v) => bucketLabel(String(v), granularity)}
            formatter={formatValue ? (v) => formatValue(Number(v)) : undefined}
            cursor={{ fill: '#f1f5f9' }}
          />
          <Legend iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId="stack"
              fill={s.color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(item) => {
                const point = item.payload as P | undefined
                if (point) router.push(hrefFor(point, s.key))
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
