import { createServer } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { OutboundPolicy } from '@/lib/net/outbound-policy'
import { staticLookup } from '@/lib/net/static-lookup'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { checkUpstream, UPSTREAM_UNREACHABLE } from './check-upstream'

// The publish dialog's "does the upstream answer?" against real sockets. The policy is passed
// explicitly: `allowPrivate` is what lets these loopback listeners be reached at all.

let upstream: Awaited<ReturnType<typeof startTestUpstream>>
// Accepts connections and never answers: the timeout must decide.
const silent = createServer(() => {})
const failing = createServer((_req, res) => res.writeHead(503).end())
// Not HTTP: an SSH-style banner, then the socket closes (undici: HPE_INVALID_CONSTANT).
const banner = net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'))
// Accepts, then resets the connection without a byte (undici: UND_ERR_SOCKET / ECONNRESET).
const reset = net.createServer((socket) => socket.resetAndDestroy())
// Counts what reaches it: the refused-address cases must never connect.
let refusedHits = 0
const target = net.createServer((socket) => {
  refusedHits++
  socket.destroy()
})
const urls = { silent: '', failing: '', banner: '', reset: '', target: '' }
const listen = async (server: net.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const allowPrivate: OutboundPolicy = { allowPrivate: true }

beforeAll(async () => {
  upstream = await startTestUpstream()
  urls.silent = await listen(silent)
  urls.failing = `${await listen(failing)}/health`
  urls.banner = await listen(banner)
  urls.reset = await listen(reset)
  urls.target = await listen(target)
})
afterAll(async () => {
  await upstream.close()
  silent.closeAllConnections()
  for (const server of [silent, failing, banner, reset, target]) server.close()
})

test('an answering upstream passes', async () => {
  expect(await checkUpstream(upstream.url, { policy: allowPrivate })).toMatchObject({ ok: true, status: 200 })
  expect(upstream.requests).toContain('HEAD /')
})

test('any HTTP answer counts, even a 503', async () => {
  expect(await checkUpstream(urls.failing, { policy: allowPrivate })).toMatchObject({ ok: true, status: 503 })
})

test('no answer within the timeout fails', async () => {
  const result = await checkUpstream(urls.silent, { timeoutMs: 300, policy: allowPrivate })
  expect(result).toMatchObject({ ok: false, error: 'No answer within 0.3 s' })
  expect(result.ms).toBeLessThan(2_000)
})

describe('a failure reads the same whatever is behind it, so the check is no port scanner', () => {
  const port = (url: string) => new URL(url).port
  // Each is a live socket the test started (or a port it freed), or an address the policy refuses.
  const cases: Array<[string, () => string, OutboundPolicy]> = [
    ['a closed port', () => upstream.downUrl, allowPrivate],
    ['a non-HTTP listener (banner)', () => urls.banner, allowPrivate],
    ['a listener that resets the connection', () => urls.reset, allowPrivate],
    ['a name that does not resolve', () => 'http://nowhere.invalid/', allowPrivate],
    ['a loopback address, private upstreams not allowed', () => urls.target, { allowPrivate: false }],
    ['the cloud metadata address', () => `http://169.254.169.254:${port(urls.target)}/latest/meta-data/`, allowPrivate],
    ['unspecified 0.0.0.0, which Linux routes to loopback', () => `http://0.0.0.0:${port(urls.target)}/`, allowPrivate],
    [
      'a public name that resolves to loopback when the check connects',
      () => `http://rebound.example:${port(urls.target)}/`,
      { allowPrivate: false, lookup: staticLookup({ 'rebound.example': '127.0.0.1' }) },
    ],
  ]

  test.each(cases)('%s', async (_label, url, policy) => {
    const result = await checkUpstream(url(), { timeoutMs: 2_000, policy })
    expect(result).toEqual({ ok: false, error: UPSTREAM_UNREACHABLE, ms: expect.any(Number) })
    expect(result.ms).toBeLessThan(1_500)
  })

  test('the refused addresses never reached the listener behind them', () => {
    expect(refusedHits).toBe(0)
  })

  test('the listener is really there: with private upstreams allowed, the same names reach it', async () => {
    const policy = { allowPrivate: true, lookup: staticLookup({ 'rebound.example': '127.0.0.1' }) }
    expect(
      await checkUpstream(`http://rebound.example:${port(urls.target)}/`, { timeoutMs: 2_000, policy }),
    ).toMatchObject({ ok: false, error: UPSTREAM_UNREACHABLE })
    expect(refusedHits).toBe(1)
  })
})
