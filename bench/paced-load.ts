import { performance } from 'node:perf_hooks'
import { Pool } from 'undici'
import type { Measurement } from './measure-target'

// An open-loop load at a steady rate, for the latency comparison at half of maximum load.
// autocannon's overallRate fires every connection on the same timer, so requests leave in bursts
// of `connections` and queue behind each other: the p99 then measures the bursts, not the proxy.
// Here requests leave evenly (every millisecond, as many as the schedule says are due), and each
// latency counts from the moment the request was due, so a stalled target cannot hide its queue.

export async function pacedLoad(options: {
  url: string
  headers?: Record<string, string>
  rate: number
  durationSec: number
  connections?: number
}): Promise<Measurement> {
  const url = new URL(options.url)
  const pool = new Pool(url.origin, { connections: options.connections ?? 50, pipelining: 1 })
  const path = url.pathname + url.search
  const total = Math.round(options.rate * options.durationSec)
  const latencies = new Float64Array(total)
  let sent = 0
  let done = 0
  let ok = 0
  let non2xx = 0
  let errors = 0
  const started = performance.now()

  await new Promise<void>((resolve) => {
    const fire = (due: number) => {
      pool
        .request({ path, method: 'GET', headers: options.headers })
        .then(
          async (res) => {
            await res.body.dump()
            if (res.statusCode >= 200 && res.statusCode < 300) latencies[ok++] = performance.now() - due
            else non2xx++
          },
          () => errors++,
        )
        .finally(() => {
          if (++done === total) resolve()
        })
    }
    const tick = () => {
      const elapsed = performance.now() - started
      const dueCount = Math.min(total, Math.floor((elapsed / 1000) * options.rate))
      while (sent < dueCount) fire(started + (sent++ * 1000) / options.rate)
      if (sent < total) setTimeout(tick, 1)
    }
    tick()
  })
  await pool.close()
  const sorted = latencies.subarray(0, ok).sort()
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
  return { rps: ok / ((performance.now() - started) / 1000), p50: at(50), p99: at(99), count2xx: ok, non2xx, errors }
}
