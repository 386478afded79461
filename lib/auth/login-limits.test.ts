import { createServer, connect, type Server, type Socket } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, test } from 'vitest'
import { randomToken } from '@/lib/ids'
import {
  accountDelaySeconds,
  addressKey,
  createLoginLimiter,
  type LoginLimiter,
  type LoginPolicy,
} from './login-limits'

// The sign-in policy against each store it runs on: this process's memory (the default) and the
// real Redis on 127.0.0.1:6379 that CI and dev machines run (TEST_REDIS_URL overrides it).
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

// Small numbers so a test waits seconds, not minutes; the shape is the production policy's.
const POLICY: LoginPolicy = {
  pair: { failures: 3, windowSeconds: 60, blockSeconds: 60 },
  address: { failures: 6, windowSeconds: 60, blockSeconds: 60 },
  account: { freeFailures: 2, baseDelaySeconds: 1, maxDelaySeconds: 2, windowSeconds: 60 },
}

const limiters: LoginLimiter[] = []
const prefixes: string[] = []
afterAll(async () => {
  await Promise.all(limiters.map((limiter) => limiter.close()))
  const redis = new Redis(REDIS_URL)
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
  }
  redis.disconnect()
})

function limiterOn(redisUrl: string | undefined, keyPrefix = `test:login:${randomToken(8)}`) {
  prefixes.push(keyPrefix)
  const limiter = createLoginLimiter({ policy: POLICY, redisUrl, keyPrefix })
  limiters.push(limiter)
  return limiter
}

/** A limiter whose Redis connection is up, so its counts are shared rather than insured in memory. */
async function connectedLimiter(redisUrl: string | undefined, keyPrefix?: string) {
  const limiter = limiterOn(redisUrl, keyPrefix)
  expect(await limiter.ready()).toBe(true)
  return limiter
}

const email = () => `user-${randomToken(6)}@example.test`
let nextOctet = 1
const address = () => `198.51.100.${nextOctet++ % 250}`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One sign-in attempt that ends with `outcome`; what the limiter said. */
async function attempt(
  limiter: LoginLimiter,
  account: string,
  from: string,
  outcome: 'success' | 'failure' = 'failure',
) {
  const result = await limiter.begin(account, from)
  if (!result.allowed) return result
  await result.settle(outcome)
  return { allowed: true as const }
}

async function failTimes(limiter: LoginLimiter, n: number, account: string, from: () => string) {
  for (let i = 0; i < n; i++) expect(await attempt(limiter, account, from())).toEqual({ allowed: true })
}

describe.each([
  ['memory', undefined],
  ['redis', REDIS_URL],
])('the sign-in policy in %s', (store, redisUrl) => {
  test('the limiter runs on the store it was given', async () => {
    expect((await connectedLimiter(redisUrl)).store).toBe(store)
  })

  test('consecutive failures of one account from one address refuse that pair, with the wait left', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    const from = address()
    await failTimes(limiter, 2, alice, () => from)
    // The third failure is past the account's free ones: it opens a 1 s interval; wait it out so
    // that what refuses next is the pair.
    expect(await attempt(limiter, alice, from)).toEqual({ allowed: true })
    await sleep(1_100)
    const refused = await limiter.begin(alice, from)
    expect(refused).toMatchObject({ allowed: false, reason: 'pair' })
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(50)
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60)
  })

  test('the real user signs in from another address after the backoff, while the attacker stays refused', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    const attacker = address()
    const home = address()
    await failTimes(limiter, 2, alice, () => attacker)
    expect(await attempt(limiter, alice, attacker)).toEqual({ allowed: true })
    // Right after the attacker's third failure the account waits, from anywhere: a slow-down, seconds long.
    const wait = await limiter.begin(alice, home)
    expect(wait).toMatchObject({ allowed: false, reason: 'account' })
    expect(wait.allowed === false && wait.retryAfterSeconds).toBeLessThanOrEqual(POLICY.account.maxDelaySeconds)
    await sleep(2_100)
    expect(await attempt(limiter, alice, home, 'success')).toEqual({ allowed: true })
    expect(await limiter.begin(alice, attacker)).toMatchObject({ allowed: false, reason: 'pair' })
  })

  test('rotating accounts from one address hits the per-address limit; other addresses are untouched', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const from = address()
    for (let i = 0; i < POLICY.address.failures; i++)
      expect(await attempt(limiter, email(), from)).toEqual({ allowed: true })
    expect(await limiter.begin(email(), from)).toMatchObject({ allowed: false, reason: 'address' })
    expect(await limiter.begin(email(), address())).toMatchObject({ allowed: true })
  })

  test('the account slow-down doubles up to its cap and never becomes a lock', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    await failTimes(limiter, 2, alice, address)
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      expect(await attempt(limiter, alice, address())).toEqual({ allowed: true })
      const refused = await limiter.begin(alice, address())
      expect(refused).toMatchObject({ allowed: false, reason: 'account' })
      if (!refused.allowed) waits.push(refused.retryAfterSeconds)
      await sleep((refused.allowed ? 0 : refused.retryAfterSeconds) * 1000 + 100)
    }
    expect(waits).toEqual([1, 2, 2, 2])
    expect(await attempt(limiter, alice, address(), 'success')).toEqual({ allowed: true })
  })

  test('a success clears the pair and the account', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    const from = address()
    await failTimes(limiter, 2, alice, () => from)
    expect(await attempt(limiter, alice, from, 'success')).toEqual({ allowed: true })
    // Two more failures pass freely (no backoff), and a third is still allowed: the pair starts afresh.
    await failTimes(limiter, 2, alice, () => from)
    expect(await limiter.begin(alice, from)).toMatchObject({ allowed: true })
  })

  test('attempts refused by the slow-down give their address points back', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    const from = address()
    await failTimes(limiter, 2, alice, address)
    expect(await attempt(limiter, alice, address())).toEqual({ allowed: true })
    // A user hammering "Sign in" during the backoff does not use up their address's budget.
    for (let i = 0; i < POLICY.address.failures * 2; i++)
      expect(await limiter.begin(alice, from)).toMatchObject({ allowed: false, reason: 'account' })
    for (let i = 0; i < POLICY.address.failures; i++)
      expect(await attempt(limiter, email(), from)).toEqual({ allowed: true })
  })

  test('parallel guesses cannot slip past the pair limit between a check and a count', async () => {
    const limiter = await connectedLimiter(redisUrl)
    const alice = email()
    const from = address()
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.begin(alice, from)))
    expect(results.filter((result) => result.allowed)).toHaveLength(POLICY.pair.failures)
    expect(results.filter((result) => !result.allowed)).toHaveLength(10 - POLICY.pair.failures)
  })

  test('without a client address there is no shared key to lock everyone out; the account slow-down still holds', async () => {
    const limiter = await connectedLimiter(redisUrl)
    for (let i = 0; i < POLICY.address.failures * 2; i++)
      expect(await attempt(limiter, email(), 'unknown')).toEqual({ allowed: true })
    const alice = email()
    await failTimes(limiter, 3, alice, () => 'unknown')
    expect(await limiter.begin(alice, 'unknown')).toMatchObject({ allowed: false, reason: 'account' })
  })
})

describe('Redis shared by several console instances', () => {
  test('failures counted by one instance refuse the pair at another', async () => {
    const keyPrefix = `test:login:${randomToken(8)}`
    const [one, two] = [await connectedLimiter(REDIS_URL, keyPrefix), await connectedLimiter(REDIS_URL, keyPrefix)]
    const alice = email()
    const from = address()
    await failTimes(one, 2, alice, () => from)
    expect(await attempt(one, alice, from)).toEqual({ allowed: true })
    await sleep(1_100)
    expect(await two.begin(alice, from)).toMatchObject({ allowed: false, reason: 'pair' })
  })
})

describe('Redis going away', () => {
  test.each([
    ['nothing listens on its port', async () => ({ url: `redis://127.0.0.1:${await closedPort()}`, server: null })],
    [
      'it accepts connections but never answers',
      async () => {
        const server = await listen(createServer(() => {}))
        return { url: `redis://127.0.0.1:${port(server)}`, server }
      },
    ],
  ])('%s: sign-ins are answered at once, counted in memory, and nobody is locked out', async (_name, start) => {
    const { url, server } = await start()
    const limiter = limiterOn(url)
    const alice = email()
    const attacker = address()
    const began = Date.now()
    await failTimes(limiter, 2, alice, () => attacker)
    expect(await attempt(limiter, alice, attacker)).toEqual({ allowed: true })
    await sleep(1_100)
    // The insurance counters still enforce the policy...
    expect(await limiter.begin(alice, attacker)).toMatchObject({ allowed: false, reason: 'pair' })
    // ...and the real user, elsewhere, still gets in.
    expect(await attempt(limiter, alice, address(), 'success')).toEqual({ allowed: true })
    expect(Date.now() - began).toBeLessThan(5_000)
    server?.close()
  })

  test('Redis dropping mid-use: the next attempts fall back to memory instead of failing', async () => {
    const relay = await startRelay(REDIS_URL)
    const limiter = await connectedLimiter(`redis://127.0.0.1:${relay.port}`)
    const alice = email()
    const from = address()
    expect(await attempt(limiter, alice, from)).toEqual({ allowed: true })
    await relay.cut()
    const began = Date.now()
    expect(await attempt(limiter, alice, from)).toEqual({ allowed: true })
    expect(await attempt(limiter, email(), from, 'success')).toEqual({ allowed: true })
    expect(Date.now() - began).toBeLessThan(2_000)
  })
})

describe('policy arithmetic', () => {
  test.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [5, 4],
    [8, 32],
    [9, 60],
    [40, 60],
  ])('after %i failures of an account the next attempt waits %i s', (failures, seconds) => {
    expect(
      accountDelaySeconds(failures, { freeFailures: 3, baseDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: 3600 }),
    ).toBe(seconds)
  })

  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    // One IPv6 client holds a /64: rotating inside it is one address.
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:bbbb:cccc:dddd:eeee', '2001:db8:1:2::/64'],
    ['unknown', null],
    ['', null],
    ['1.2.3.4, 5.6.7.8', null],
  ])('address %j is counted as %j', (input, expected) => {
    expect(addressKey(input)).toBe(expected)
  })
})

async function closedPort(): Promise<number> {
  const server = await listen(createServer())
  const free = port(server)
  await new Promise((resolve) => server.close(resolve))
  return free
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function port(server: Server): number {
  return (server.address() as { port: number }).port
}

/** A TCP relay in front of the real Redis that can be cut, like a network partition. */
async function startRelay(target: string) {
  const { hostname, port: targetPort } = new URL(target)
  const sockets = new Set<Socket>()
  const server = await listen(
    createServer((client) => {
      const upstream = connect(Number(targetPort || 6379), hostname)
      for (const socket of [client, upstream]) {
        sockets.add(socket)
        socket.on('error', () => {})
        socket.on('close', () => sockets.delete(socket))
      }
      client.pipe(upstream).pipe(client)
    }),
  )
  return {
    port: port(server),
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
    },
  }
}
