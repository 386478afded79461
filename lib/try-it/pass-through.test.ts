import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { streamGateway } from './call-gateway'
import { passThrough } from './pass-through'
import { STREAM_HEADERS_HEADER, STREAM_STATUS_HEADER } from './schemas'

// A stand-in gateway streaming server-sent events: the second event is only written once the test
// has read the first one through passThrough, which proves nothing in between buffers the stream.
let server: Server
let origin: string
let releaseSecond: () => void = () => {}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (req.url?.endsWith('/refused')) {
        res.writeHead(402, { 'content-type': 'application/problem+json' })
        return res.end(JSON.stringify({ status: 402, code: 'insufficient_balance' }))
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-tollgate-model': 'demo-gpt', 'set-cookie': 'x=1' })
      res.write('data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n')
      new Promise<void>((resolve) => (releaseSecond = resolve)).then(() => {
        res.write('data: {"choices":[{"delta":{"content":"lo"}}]}\n\n')
        res.end('data: [DONE]\n\n')
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const open = (path: string) =>
  streamGateway({
    keyId: 'key_abc',
    gatewayPath: '/gw/acme/assistant/v1',
    origin,
    request: { method: 'POST', path, query: {}, headers: {}, body: '{"stream":true}' },
  })

test('each event reaches the browser as it arrives, with the gateway status and chosen headers', async () => {
  const response = passThrough(await open('/chat/completions'))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream')
  expect(response.headers.get(STREAM_STATUS_HEADER)).toBe('200')
  const shown = JSON.parse(decodeURIComponent(response.headers.get(STREAM_HEADERS_HEADER)!)) as [string, string][]
  expect(shown).toContainEqual(['x-tollgate-model', 'demo-gpt'])
  expect(shown.map(([name]) => name)).not.toContain('set-cookie')

  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const first = await reader.read()
  expect(first.value).toContain('"Hel"')
  expect(first.value).not.toContain('"lo"')
  releaseSecond()
  let rest = ''
  for (let r = await reader.read(); !r.done; r = await reader.read()) rest += r.value
  expect(rest).toContain('"lo"')
  expect(rest).toContain('[DONE]')
})

test("a refused call passes the gateway's status and problem body through", async () => {
  const response = passThrough(await open('/refused'))
  expect(response.headers.get(STREAM_STATUS_HEADER)).toBe('402')
  expect(JSON.parse(await response.text())).toMatchObject({ code: 'insufficient_balance' })
})
