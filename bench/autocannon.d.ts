// The slice of autocannon 8's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type Options = {
    url: string
    headers?: Record<string, string>
    method?: string
    body?: string
    connections?: number
    duration?: number
    amount?: number
    overallRate?: number
  }
  type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    requests: { average: number }
    latency: { p50: number; p99: number }
  }
  type Instance = EventEmitter & PromiseLike<Result>
  function autocannon(options: Options): Instance
  export default autocannon
}
