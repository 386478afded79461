import ipaddr from 'ipaddr.js'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { createCounterStore, type CounterStore } from './login-counters'

// Sign-in limits, after OWASP's Authentication and Credential Stuffing cheat sheets:
// - per (account, address) pair, a strict limit: a few consecutive failures refuse that pair;
// - per address, a strict limit on failures across all accounts (credential stuffing);
// - per account alone, only a slow-down: after a few failures each attempt waits exponentially
//   longer (capped), so an attacker elsewhere can slow the real user down but never lock them out.
// Every attempt takes its points *before* the password is checked, so parallel guesses cannot
// slip through between a check and a count; an attempt refused further down gives them back.

export type LoginPolicy = {
  /** Consecutive failures of one account from one address before that pair is refused. */
  pair: { failures: number; windowSeconds: number; blockSeconds: number }
  /** Failures from one address, any account, before the address is refused. */
  address: { failures: number; windowSeconds: number; blockSeconds: number }
  /** Failures of one account (any address) that pass freely; then backoff doubles from `baseDelaySeconds` up to `maxDelaySeconds`. */
  account: { freeFailures: number; baseDelaySeconds: number; maxDelaySeconds: number; windowSeconds: number }
}

export const LOGIN_POLICY: LoginPolicy = {
  pair: { failures: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  address: { failures: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  account: { freeFailures: 3, baseDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 60 * 60 },
}

export type LoginRefusal = { allowed: false; reason: 'pair' | 'address' | 'account'; retryAfterSeconds: number }
export type LoginAttempt = { allowed: true; settle(outcome: 'success' | 'failure'): Promise<void> }

export type LoginLimiter = {
  /** Call before checking the password; settle the attempt with its outcome. */
  begin(email: string, clientAddress: string): Promise<LoginAttempt | LoginRefusal>
  store: CounterStore['kind']
  ready: CounterStore['ready']
  close(): Promise<void>
}

/** The wait before attempt number `failures + 1` of one account, in seconds (0: none). */
export function accountDelaySeconds(failures: number, policy: LoginPolicy['account']): number {
  if (failures < policy.freeFailures) return 0
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (failures - policy.freeFailures))
}

/**
 * The key an address is counted under, or null when there is none to trust (no front door).
 * IPv6 clients usually hold a whole /64, so they are counted per /64; IPv4-mapped IPv6 is IPv4.
 */
export function addressKey(address: string): string | null {
  if (!ipaddr.isValid(address)) return null
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  if (parsed.kind() === 'ipv4') return parsed.toString()
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`
}

export function createLoginLimiter({
  policy = LOGIN_POLICY,
  redisUrl = process.env.REDIS_URL,
  keyPrefix = 'tollgate:login',
}: { policy?: LoginPolicy; redisUrl?: string; keyPrefix?: string } = {}): LoginLimiter {
  const store = createCounterStore({ redisUrl, keyPrefix })
  const pair = store.counter({
    name: 'pair',
    points: policy.pair.failures,
    duration: policy.pair.windowSeconds,
    blockDuration: policy.pair.blockSeconds,
  })
  const address = store.counter({
    name: 'ip',
    points: policy.address.failures,
    duration: policy.address.windowSeconds,
    blockDuration: policy.address.blockSeconds,
  })
  // Failures per account: only counted, never refused by itself.
  const accountFailures = store.counter({
    name: 'account',
    points: Number.MAX_SAFE_INTEGER,
    duration: policy.account.windowSeconds,
  })
  // One attempt per backoff interval: the first to take the point opens an interval as long as the
  // current delay; everyone else is refused until it ends. Refusals do not lengthen it.
  const accountGate = store.counter({ name: 'gate', points: 1, duration: policy.account.baseDelaySeconds })

  async function begin(email: string, clientAddress: string): Promise<LoginAttempt | LoginRefusal> {
    const ip = addressKey(clientAddress)
    if (ip === null) warnNoAddress(clientAddress)
    const pairKey = `${email}|${ip}`
    const taken: Array<() => Promise<unknown>> = []
    const giveBack = () => Promise.all(taken.map((undo) => undo()))

    if (ip !== null) {
      const byAddress = await take(() => address.consume(ip))
      if (byAddress) return refuse('address', byAddress)
      taken.push(() => address.reward(ip))
      const byPair = await take(() => pair.consume(pairKey))
      if (byPair) {
        await giveBack()
        return refuse('pair', byPair)
      }
      taken.push(() => pair.reward(pairKey))
    }
    const failures = (await accountFailures.get(email))?.consumedPoints ?? 0
    const delay = accountDelaySeconds(failures, policy.account)
    if (delay > 0) {
      const byAccount = await take(() => accountGate.consume(email, 1, { customDuration: delay }))
      if (byAccount) {
        await giveBack()
        return refuse('account', byAccount)
      }
    }

    return {
      allowed: true,
      async settle(outcome) {
        if (outcome === 'failure') {
          await accountFailures.penalty(email)
          return
        }
        // The real user is in: this pair and this account start afresh, and a success never
        // counts against the address.
        await Promise.all([
          ip !== null ? pair.delete(pairKey) : null,
          ip !== null ? address.reward(ip) : null,
          accountFailures.delete(email),
          accountGate.delete(email),
        ])
      },
    }
  }

  return { begin, store: store.kind, ready: store.ready, close: () => store.close() }
}

/** Runs a consume: null when it was allowed, the limiter's answer when it was refused. */
async function take(consume: () => Promise<RateLimiterRes>): Promise<RateLimiterRes | null> {
  try {
    await consume()
    return null
  } catch (error) {
    if (error instanceof RateLimiterRes) return error
    throw error
  }
}

function refuse(reason: LoginRefusal['reason'], res: RateLimiterRes): LoginRefusal {
  return { allowed: false, reason, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
}

let warned = false
function warnNoAddress(address: string) {
  if (warned) return
  warned = true
  console.warn(
    `[auth] sign-in without a client address (${address}): per-address limits are off. Serve the console through \`npm start\` (server/index.ts), which sets it from the socket.`,
  )
}

const globalForLimiter = globalThis as unknown as { tollgateLoginLimiter?: LoginLimiter }

/** The process's limiter (Redis when REDIS_URL is set, memory otherwise), created on first use. */
export function loginLimiter(): LoginLimiter {
  return (globalForLimiter.tollgateLoginLimiter ??= createLoginLimiter())
}
