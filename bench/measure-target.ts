import autocannon from 'autocannon'

// One autocannon run. Latencies are taken from autocannon's per-response event (sub-millisecond
// floats) rather than its histogram, which rounds to whole milliseconds: "p99 added latency
// under 2 ms" needs the finer grain.

export type Measurement = {
  rps: number
  p50: number
  p99: number
  count2xx: number
  non2xx: number
  errors: number
}

export type RunOptions = {
  url: string
  headers?: Record<string, string>
  /** A POST with this JSON body (default: GET). */
  body?: string
  durationSec?: number
  amount?: number
  connections?: number
  overallRate?: number
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export async function measure(options: RunOptions): Promise<Measurement> {
  let latencies = new Float64Array(1 << 20)
  let n = 0
  const instance = autocannon({
    url: options.url,
    headers: options.body ? { 'content-type': 'application/json', ...options.headers } : options.headers,
    ...(options.body ? { method: 'POST', body: options.body } : {}),
    connections: options.connections ?? 50,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSec ?? 10 }),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  })
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode < 200 || statusCode >= 300) return
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2)
      bigger.set(latencies)
      latencies = bigger
    }
    latencies[n++] = responseTime
  })
  const result = await instance
  const sorted = latencies.subarray(0, n).sort()
  const seconds = options.amount ? result.duration : (options.durationSec ?? 10)
  return {
    rps: result['2xx'] / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    count2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
