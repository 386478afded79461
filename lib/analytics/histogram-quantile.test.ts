import { describe, expect, test } from 'vitest'
import { histogramQuantile, percentiles } from './histogram-quantile'

// Bounds come from lib/metering/rollup-buckets.ts: …, 5, 10, 20, 50, 100, 200, …

describe('histogramQuantile', () => {
  // 50 calls in (5, 10], 40 in (10, 20], 10 in (50, 100]: 100 calls.
  const histogram = [
    { bucketMs: 20, calls: 40 },
    { bucketMs: 10, calls: 50 },
    { bucketMs: 100, calls: 10 },
  ]

  test.each([
    ['p50 ends exactly at the top of the first bucket', 0.5, 10],
    ['p70 interpolates half-way into (10, 20]', 0.7, 15],
    ['p95 interpolates into (50, 100], skipping the empty (20, 50]', 0.95, 75],
    ['p99', 0.99, 95],
    ['p100 is the upper bound of the last bucket', 1, 100],
  ])('%s', (_label, q, expected) => {
    expect(histogramQuantile(histogram, q)).toBeCloseTo(expected, 6)
  })

  test('the first bucket interpolates from 0', () => {
    expect(histogramQuantile([{ bucketMs: 1, calls: 4 }], 0.5)).toBeCloseTo(0.5)
  })

  test('an empty histogram (or one of zero counts) has no percentiles', () => {
    expect(percentiles([])).toEqual({ p50: null, p95: null, p99: null })
    expect(histogramQuantile([{ bucketMs: 10, calls: 0 }], 0.5)).toBeNull()
  })

  test('percentiles are ordered p50 ≤ p95 ≤ p99', () => {
    const p = percentiles([
      { bucketMs: 5, calls: 900 },
      { bucketMs: 200, calls: 80 },
      { bucketMs: 5_000, calls: 20 },
    ])
    expect(p.p50).toBeCloseTo(2 + 3 * (500 / 900))
    expect(p.p95!).toBeGreaterThan(100)
    expect(p.p95!).toBeLessThanOrEqual(200)
    expect(p.p99!).toBeGreaterThan(2_000)
  })
})
