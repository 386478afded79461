import { utcMonth } from '@/lib/billing/month'
import { hourStart } from '@/lib/metering/rollup-buckets'
import { hourWeight, type Random } from '../seed-large-usage-calls'

// How many successful calls a demo consumer makes in each hour, and which of them fall in the
// plan's free quota. The demo story needs exact money (initech's balance runs out at a chosen
// moment and ends at exactly 20 calls), so the paid calls of a stretch of time can be scaled to
// an exact count; free calls always come first in their month, as the gateway hands them out.

const HOUR_MS = 3_600_000

export type HourSlot = { start: number; end: number; calls: number; free: number; paid: number }

/** Slots of at most an hour over [from, to), with a working-day curve and some jitter; none inside `gaps`. */
export function planHourlyCalls(
  random: Random,
  from: number,
  to: number,
  callsPerDay: number,
  gaps: Array<[number, number]>,
): HourSlot[] {
  // The curve's mean over a week, so `callsPerDay` is what an average day sees.
  let weekWeight = 0
  for (let h = 0; h < 7 * 24; h++) weekWeight += hourWeight(Date.UTC(2026, 0, 5) + h * HOUR_MS)
  const perWeight = (callsPerDay * 7) / weekWeight
  const slots: HourSlot[] = []
  for (let h = hourStart(from); h < to; h += HOUR_MS) {
    // An hour cut by a gap becomes the pieces before and after it, so no call lands inside a gap.
    let pieces: Array<[number, number]> = [[Math.max(h, from), Math.min(h + HOUR_MS, to)]]
    for (const [a, b] of gaps)
      pieces = pieces.flatMap(([s, e]): Array<[number, number]> =>
        b <= s || a >= e
          ? [[s, e]]
          : [
              [s, a],
              [b, e],
            ],
      )
    for (const [start, end] of pieces) {
      if (end <= start) continue
      const calls = Math.round(perWeight * hourWeight(h) * ((end - start) / HOUR_MS) * (0.85 + 0.3 * random()))
      slots.push({ start, end, calls, free: 0, paid: 0 })
    }
  }
  return slots
}

/** Splits each slot's calls into free and paid: the first `freePerMonth` of each UTC month are free. */
export function splitFreeCalls(slots: HourSlot[], freePerMonth: number): void {
  const used = new Map<string, number>()
  for (const slot of slots) {
    const month = utcMonth(slot.start)
    const before = used.get(month) ?? 0
    slot.free = Math.max(0, Math.min(slot.calls, freePerMonth - before))
    slot.paid = slot.calls - slot.free
    used.set(month, before + slot.calls)
  }
}

/**
 * Makes sure the current month's free quota is used up (plus `extra` paid calls), however early in
 * the month the seed runs: a month that began an hour ago gets a busy first hour.
 */
export function fillMonthQuota(slots: HourSlot[], now: number, freePerMonth: number, extra = 150): void {
  const month = utcMonth(now)
  const current = slots.filter((slot) => utcMonth(slot.start) === month)
  const total = current.reduce((sum, slot) => sum + slot.calls, 0)
  const wanted = freePerMonth + extra
  if (total >= wanted || current.length === 0) return
  const counts = spread(
    current.map((slot) => slot.calls || 1),
    wanted,
  )
  current.forEach((slot, i) => (slot.calls = counts[i]))
}

/** Scales the paid calls of slots starting in [from, to) so they add up to exactly `target`. */
export function scalePaidCalls(slots: HourSlot[], from: number, to: number, target: number): void {
  const inRange = slots.filter((slot) => slot.start >= from && slot.start < to && slot.paid > 0)
  // Only hours that already pay can take paid calls: earlier ones are still on the free quota.
  if (inRange.length === 0)
    throw new Error(
      `No paid traffic between ${new Date(from).toISOString()} and ${new Date(to).toISOString()} to scale`,
    )
  const counts = spread(
    inRange.map((slot) => slot.paid),
    target,
  )
  inRange.forEach((slot, i) => {
    slot.paid = counts[i]
    slot.calls = slot.free + slot.paid
  })
}

/** Integers proportional to `weights` that add up to exactly `total` (cumulative rounding). */
function spread(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  let cumulative = 0
  let given = 0
  return weights.map((weight) => {
    cumulative += weight
    const upTo = Math.round((total * cumulative) / sum)
    const count = upTo - given
    given = upTo
    return count
  })
}
