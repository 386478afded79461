import { LATENCY_BUCKETS_MS } from '@/lib/metering/rollup-buckets'

// Quantiles from the fixed latency histogram (lib/metering/rollup-buckets.ts). A bucket counts
// the calls above the previous bound and at most its own, so we walk the cumulative counts and
// interpolate linearly inside the bucket that holds the rank (the Prometheus histogram_quantile
// approach): assuming calls spread evenly in a bucket beats reporting its upper bound, which would
// make p50 jump from 50 to 100 ms when one call crosses a bound.

export type HistogramBucket = { bucketMs: number; calls: number }

const lowerBound = (bucketMs: number): number => {
  let previous = 0
  for (const bound of LATENCY_BUCKETS_MS) {
    if (bound >= bucketMs) return previous
    previous = bound
  }
  return previous
}

/** The q-quantile (0 < q ≤ 1) in ms, or null when the histogram is empty. */
export function histogramQuantile(buckets: readonly HistogramBucket[], q: number): number | null {
  const sorted = buckets.filter((b) => b.calls > 0).sort((a, b) => a.bucketMs - b.bucketMs)
  const total = sorted.reduce((sum, b) => sum + b.calls, 0)
  if (total === 0) return null
  const rank = Math.min(Math.max(q, 0), 1) * total
  let cumulative = 0
  for (const bucket of sorted) {
    if (cumulative + bucket.calls >= rank) {
      const lower = lowerBound(bucket.bucketMs)
      const fraction = (rank - cumulative) / bucket.calls
      return lower + (bucket.bucketMs - lower) * fraction
    }
    cumulative += bucket.calls
  }
  return sorted[sorted.length - 1].bucketMs
}

export type Percentiles = { p50: number | null; p95: number | null; p99: number | null }

export function percentiles(buckets: readonly HistogramBucket[]): Percentiles {
  return {
    p50: histogramQuantile(buckets, 0.5),
    p95: histogramQuantile(buckets, 0.95),
    p99: histogramQuantile(buckets, 0.99),
  }
}
