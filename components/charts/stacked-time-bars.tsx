'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatCount } from '@/components/ui/format'
import { countAxis, stackedMax, type AxisScale, valueAxisProps } from './axis-scale'
import { ChartFrame } from './chart-frame'
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
  unit = 'calls',
  axis = (max) => countAxis(max, unit),
  formatValue = formatCount,
  csvValue = (value) => value,
  filename,
}: {
  data: P[]
  series: readonly StackSeries[]
  granularity: Granularity
  /** The figure's accessible name. */
  label: string
  /** Where a click on one series' segment of one bucket leads. */
  hrefFor: (point: P, seriesKey: string) => string
  /** What a bar counts ("calls", "tokens"), for the axis title. */
  unit?: string
  /** The value axis for the tallest stack (money in micro-units, say); whole counts without it. */
  axis?: (max: number) => AxisScale
  /** The exact value in tooltips and the table view. */
  formatValue?: (value: number) => string
  /** The CSV cell (money as a decimal rather than micro-units, say); the plain number without it. */
  csvValue?: (value: number) => string | number
  /** The CSV download's file name. */
  filename: string
}) {
  const router = useRouter()
  const spansDays = data.length > 24
  const scale = axis(
    stackedMax(
      data,
      series.map((s) => s.key),
    ),
  )
  const per = granularity === 'day' ? 'day' : 'hour'
  const value = (point: P, key: string) => Number((point as Record<string, unknown>)[key] ?? 0)
  return (
    <ChartFrame
      label={label}
      units={`${scale.unit[0].toUpperCase()}${scale.unit.slice(1)} per ${per} · time in UTC`}
      height={HEIGHT}
      table={{
        filename,
        rows: data,
        columns: [
          {
            label: `${per === 'day' ? 'Day' : 'Hour'} (UTC)`,
            text: (p) => bucketLabel(p.from, granularity),
            csv: (p) => p.from,
          },
          ...series.map((s) => ({
            label: s.name,
            text: (p: P) => formatValue(value(p, s.key)),
            csv: (p: P) => csvValue(value(p, s.key)),
          })),
        ],
      }}
    >
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
          <YAxis width={64} {...valueAxisProps(scale)} />
          <Tooltip
            labelFormatter={(v) => bucketLabel(String(v), granularity)}
            formatter={(v) => formatValue(Number(v))}
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
    </ChartFrame>
  )
}
