import { formatMicros } from '@/lib/billing/money'
import { createId } from '@/lib/ids'
import type { Random } from './seed-large-usage-calls'

// 402 episodes for synthetic traffic. A team that cannot pay is refused for a while (a few minutes
// to a few hours) until someone fixes the cause, so 402s come in runs per (consumer, API, cause),
// each run one PaymentIncident, never as isolated random calls. Shared by both seeds.

export const PAYMENT_CAUSES = [
  'insufficient_balance',
  'budget_exceeded',
  'payment_method_failed',
  'quota_exhausted',
  'upstream_payment_required',
] as const
export type PaymentCauseCode = (typeof PAYMENT_CAUSES)[number]

export type PaymentEpisode = {
  incidentId: string
  cause: PaymentCauseCode
  /** [start, end) epoch ms: every call of the route in this window is refused. */
  start: number
  end: number
  /** Still going when the history ends: the incident stays OPEN. */
  open: boolean
  resolution: string | null
  /** Who fixed the cause (the demo names its team owners); null when it was nobody in particular. */
  resolvedById?: string | null
}

const TOP_UPS = [20_000_000n, 50_000_000n, 100_000_000n, 250_000_000n]
const BUDGETS = [100_000_000n, 250_000_000n, 500_000_000n, 1_000_000_000n]

/** How an episode of each cause ends, in the words the console's own fixes use (see lib/billing). */
export function resolutionFor(cause: PaymentCauseCode, random: Random): string {
  const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]
  switch (cause) {
    case 'insufficient_balance':
    case 'quota_exhausted':
      return `Resolved automatically: top-up of ${formatMicros(pick(TOP_UPS))}`
    case 'payment_method_failed':
      return 'Resolved automatically: payment method updated (Visa •••• 4242)'
    case 'budget_exceeded':
      return `Resolved automatically: monthly budget raised to ${formatMicros(pick(BUDGETS))}`
    case 'upstream_payment_required':
      return 'Resolved automatically: the upstream answered successfully again.'
  }
}

/**
 * About `count` episodes spread over the routes (more on busier ones), together covering `share`
 * of each route's time, so roughly that share of all calls is refused. Each route's window is cut
 * into equal slots with one episode somewhere inside each, so a route's episodes never overlap.
 */
export function planEpisodes(
  random: Random,
  routeWeights: readonly number[],
  windowStart: number,
  windowEnd: number,
  { count = 300, share = 0.015 }: { count?: number; share?: number } = {},
): PaymentEpisode[][] {
  const span = windowEnd - windowStart
  const roots = routeWeights.map((w) => Math.sqrt(w))
  const rootSum = roots.reduce((a, b) => a + b, 0) || 1
  return roots.map((root) => {
    const n = Math.max(1, Math.round((count * root) / rootSum))
    const slot = span / n
    const length = Math.max(60_000, (share * span) / n)
    const episodes: PaymentEpisode[] = []
    for (let i = 0; i < n; i++) {
      // Now and then the last episode is still going: those incidents are the OPEN ones.
      const open = i === n - 1 && random() < 0.2
      const start = open
        ? Math.floor(windowEnd - length)
        : Math.floor(windowStart + i * slot + random() * Math.max(0, slot - length))
      const cause = PAYMENT_CAUSES[Math.floor(random() * PAYMENT_CAUSES.length)]
      episodes.push({
        incidentId: createId('pi'),
        cause,
        start,
        end: open ? windowEnd + 1 : Math.floor(start + length),
        open,
        resolution: open ? null : resolutionFor(cause, random),
      })
    }
    return episodes
  })
}

/** The episode covering `at`, if any (episodes sorted by start, not overlapping). */
export function episodeAt(episodes: readonly PaymentEpisode[], at: number): PaymentEpisode | null {
  let lo = 0
  let hi = episodes.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const episode = episodes[mid]
    if (at < episode.start) hi = mid - 1
    else if (at >= episode.end) lo = mid + 1
    else return episode
  }
  return null
}
