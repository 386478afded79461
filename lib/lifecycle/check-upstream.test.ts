import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { checkUpstream } from './check-upstream'

let upstream: Awaited<ReturnType<typeof startTestUpstream>>
// Accepts connections and never answers: the timeout must decide.
const silent = createServer(() => {})
const failing = createServer((_req, res) => res.writeHead(503).end())
let silentUrl = ''
let failingUrl = ''

beforeAll(async () => {
  upstream = await startTestUpstream()
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve))
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/health`
})
afterAll(async () => {
  await upstream.close()
  silent.closeAllConnections()
  silent.close()
  failing.close()
})

test('an answering upstream passes', async () => {
  expect(await checkUpstream(upstream.url)).toMatchObject({ ok: true, status: 200 })
})

test('any HTTP answer counts, even a 503', async () => {
  expect(await checkUpstream(failingUrl)).toMatchObject({ ok: true, status: 503 })
})

test('a refused connection fails', async () => {
  expect(await checkUpstream(upstream.downUrl)).toMatchObject({ ok: false, error: expect.stringMatching(/Could not connect \(ECONNREFUSED\)/) })
})

test('no answer within the timeout fails', async () => {
  const result = await checkUpstream(silentUrl, 300)
  expect(result).toMatchObject({ ok: false, error: 'No answer within 0.3 s' })
  expect(result.ms).toBeLessThan(2_000)
})
