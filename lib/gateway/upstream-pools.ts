import { Pool } from 'undici'

// One keep-alive connection pool per upstream origin, shared by every snapshot: a reload swaps
// routes but keeps the warm sockets, so a console change never costs a round of TCP handshakes.

const KEEP_ALIVE_MS = 30_000

export class UpstreamPools {
  private readonly pools = new Map<string, Pool>()

  get(origin: string): Pool {
    let pool = this.pools.get(origin)
    if (!pool) {
      pool = new Pool(origin, {
        // Unlimited connections (undici's default): the gateway mirrors the client's concurrency.
        connections: null,
        pipelining: 1,
        keepAliveTimeout: KEEP_ALIVE_MS,
        keepAliveMaxTimeout: 10 * KEEP_ALIVE_MS,
        // Per-request timeouts come from the version's timeoutMs, set on each dispatch.
        headersTimeout: 0,
        bodyTimeout: 0,
      })
      this.pools.set(origin, pool)
    }
    return pool
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()]
    this.pools.clear()
    await Promise.allSettled(pools.map((pool) => pool.close()))
  }
}
