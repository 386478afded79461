import { MICROS_PER_UNIT } from '@/lib/billing/money'
import { linearTicks, logTicks, tickLabel } from '@/lib/analytics/nice-ticks'

// The three kinds of axis the dashboards draw (money, latency, counts): nice ticks, a domain that
// ends on the last tick, labels that never repeat, and the unit the axis title states. Values stay
// in the charts' own units (money in micro-units), so tooltips can show them exactly.

export type AxisScale = {
  ticks: number[]
  domain: [number, number]
  format: (value: number) => string
  /** The unit, for the axis title ("USD", "ms", "calls"). */
  unit: string
}

const MICROS = Number(MICROS_PER_UNIT)

/** A money axis from 0 to `maxMicros`: "$0, $1, $2" or "$0.00, $0.50, $1.00", never "$3, $3". */
export function moneyAxis(maxMicros: number, currency = 'USD'): AxisScale {
  const { ticks, decimals } = linearTicks(0, maxMicros / MICROS)
  // Money reads in whole units or cents (or finer, when the step itself is finer than a cent).
  const places = decimals === 0 ? 0 : Math.max(2, decimals)
  const symbol = currency === 'USD' ? '$' : ''
  return {
    ticks: ticks.map((t) => Math.round(t * MICROS)),
    domain: [0, Math.round(ticks[ticks.length - 1] * MICROS)],
    format: (micros) => `${micros < 0 ? '-' : ''}${symbol}${tickLabel(Math.abs(micros) / MICROS, places)}`,
    unit: currency,
  }
}

/** A count axis (calls, blocked calls): whole steps from 0. */
export function countAxis(max: number, unit = 'calls'): AxisScale {
  const { ticks } = linearTicks(0, max, { integer: true })
  return { ticks, domain: [0, ticks[ticks.length - 1]], format: (v) => tickLabel(v, 0), unit }
}

/** A log latency axis in ms over the data's [min, max]: 0.5, 1, 2, 5, 10… each label as precise as itself. */
export function latencyAxis(minMs: number, maxMs: number): AxisScale {
  const { ticks, decimals } = logTicks(minMs, maxMs)
  return {
    ticks,
    domain: [ticks[0], ticks[ticks.length - 1]],
    format: (v) => tickLabel(v, decimals, { trim: true }),
    unit: 'ms',
  }
}

/** The largest stacked total of `keys` over the points (a stacked bar's height). */
export function stackedMax(points: ReadonlyArray<Record<string, unknown>>, keys: readonly string[]): number {
  let max = 0
  for (const point of points) {
    let total = 0
    for (const key of keys) total += typeof point[key] === 'number' ? (point[key] as number) : 0
    max = Math.max(max, total)
  }
  return max
}

/** The recharts props of a value axis drawn from a scale: every nice tick shown, none invented. */
export function valueAxisProps(scale: AxisScale) {
  return {
    ticks: scale.ticks,
    domain: scale.domain,
    interval: 0 as const,
    tickFormatter: scale.format,
    tick: { fontSize: 12, fill: '#64748b' },
  }
}
