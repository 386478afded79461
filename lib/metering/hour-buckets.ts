// Fixed latency histogram bounds (ms). A LatencyRollup row counts the calls whose latency is at
// most bucketMs and above the previous bound; dashboards derive p50/p95/p99 from these counts.
// The last bound catches everything slower (a call cannot outlive the 5-minute cap anyway).
export const LATENCY_BUCKETS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000,
] as const

export function latencyBucket(latencyMs: number): number {
  for (const bound of LATENCY_BUCKETS_MS) if (latencyMs <= bound) return bound
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]
}

const HOUR_MS = 3_600_000
export const hourStart = (epochMs: number): number => epochMs - (epochMs % HOUR_MS)
