// Axis ticks a person can read: round steps (1, 2, 2.5, 5 × 10ⁿ) on linear axes and 1-2-5 (or
// 1-3) decades on log axes, each label printed with just the precision its step needs, so two
// ticks never read the same ("$3, $3, $2" came from rounding uneven ticks to whole units).
// Pure and safe in client components.

export type AxisTicks = {
  /** Tick values, ascending; the first and last are the axis domain. */
  ticks: number[]
  /** Digits after the decimal point that every label needs to tell the ticks apart. */
  decimals: number
}

const STEPS = [1, 2, 2.5, 5, 10]

/** The number of decimal places `value` needs (0.25 → 2, 10 → 0), ignoring float noise. */
export function decimalsOf(value: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = value * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return d
  }
  return 12
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals))
}

/**
 * Linear ticks from 0 (or below, for negative data) to at least `max`, at most `maxCount + 1` of
 * them. `integer` keeps the step ≥ 1 (counts of calls have no fractions).
 */
export function linearTicks(
  min: number,
  max: number,
  { maxCount = 5, integer = false }: { maxCount?: number; integer?: boolean } = {},
): AxisTicks {
  const low = Math.min(0, Number.isFinite(min) ? min : 0)
  let high = Number.isFinite(max) ? max : 0
  if (high <= low) high = low + (integer ? maxCount : 1)
  const raw = (high - low) / maxCount
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  // A count's step is whole: below 10 that rules out 2.5 (and anything under 1).
  const steps = integer && magnitude < 10 ? STEPS.filter((s) => s !== 2.5) : STEPS
  let step = (steps.find((s) => s * magnitude >= raw * (1 - 1e-12)) ?? 10) * magnitude
  if (integer) step = Math.max(1, Math.round(step))
  const decimals = decimalsOf(step)
  const start = Math.floor(low / step + 1e-9) * step
  const ticks: number[] = []
  for (let i = 0, value = start; value < high + step - 1e-9 * step && i < maxCount * 2 + 2; i++) {
    value = round(start + i * step, decimals)
    ticks.push(value)
    if (value >= high - 1e-9 * step) break
  }
  return { ticks, decimals }
}

/**
 * Log-axis ticks covering [min, max] (both > 0): every decade, plus 2 and 5 (or 3) inside it when
 * the range is short enough for them to fit in `maxCount` ticks.
 */
export function logTicks(min: number, max: number, { maxCount = 7 }: { maxCount?: number } = {}): AxisTicks {
  const low = Number.isFinite(min) && min > 0 ? min : 1
  const high = Number.isFinite(max) && max > low ? max : low * 10
  const lowExp = Math.floor(Math.log10(low) + 1e-9)
  const highExp = Math.ceil(Math.log10(high) - 1e-9)
  const candidates = [[1, 2, 5], [1, 3], [1]]
  let ticks: number[] = []
  for (const multipliers of candidates) {
    ticks = []
    for (let exp = lowExp; exp <= highExp; exp++) {
      for (const m of multipliers) ticks.push(round(m * 10 ** exp, Math.max(0, -exp)))
    }
    // Keep one tick at or below the data and one at or above it, drop the rest outside.
    const first = Math.max(
      0,
      ticks.findLastIndex((t) => t <= low),
    )
    const lastAbove = ticks.findIndex((t) => t >= high)
    ticks = ticks.slice(first, (lastAbove === -1 ? ticks.length - 1 : lastAbove) + 1)
    if (ticks.length <= maxCount) break
  }
  if (ticks.length > maxCount) {
    // Many decades: every decade, thinned to fit.
    const every = Math.ceil(ticks.length / maxCount)
    ticks = ticks.filter((_, i) => i % every === 0 || i === ticks.length - 1)
  }
  return { ticks, decimals: Math.max(...ticks.map(decimalsOf)) }
}

const formatters = new Map<string, Intl.NumberFormat>()

/** A tick label with exactly `decimals` places (or, with `trim`, only those this value needs). */
export function tickLabel(value: number, decimals: number, { trim = false }: { trim?: boolean } = {}): string {
  const places = trim ? Math.min(decimals, decimalsOf(value)) : decimals
  const key = String(places)
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places })
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}
