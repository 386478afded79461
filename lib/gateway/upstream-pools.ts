import { Pool } from 'undici'
import { guardedConnector } from '../net/outbound-dispatcher'
import { outboundPolicyFromEnv, type OutboundPolicy } from '../net/outbound-policy'

// One keep-alive connection pool per upstream origin, shared by every snapshot: a reload swaps
// routes but keeps the warm sockets, so a console change never costs a round of TCP handshakes.
//
// Every pool connects through the outbound policy (DESIGN "Trust boundaries"): a version whose
// host now resolves to a private, link-local or metadata address (DNS rebinding, or a row saved
// before the save-time check) is refused when a connection opens. undici then fails the call,
// which the gateway answers 502 upstream_unreachable; the connector logs the reason. The check
// runs once per new connection, never per call: the hot path reuses keep-alive sockets untouched.

const KEEP_ALIVE_MS = 30_000

export class UpstreamPools {
  private readonly pools = new Map<string, Pool>()

  /** Read when a pool is first made for an origin: set it before the gateway starts. */
  policy: OutboundPolicy

  constructor(policy: OutboundPolicy = outboundPolicyFromEnv()) {
    this.policy = policy
  }

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
        connect: guardedConnector(this.policy),
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
