import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleDemoAi } from './demo-ai-provider'
import { demoAnswer } from './demo-data'

// A small upstream for demos, tests and the seeded APIs: realistic weather and orders JSON, an
// echo of everything else, and knobs to be slow (?delay=ms or X-Demo-Delay), to fail
// (?status=503) or to stream Server-Sent Events (/stream?n=5&interval=100).

const MAX_DELAY_MS = 120_000

export type DemoUpstream = { server: Server; port: number; url: string; close(): Promise<void> }

export async function startDemoUpstream(
  port = Number(process.env.DEMO_UPSTREAM_PORT ?? 4010),
  hostname = '127.0.0.1',
): Promise<DemoUpstream> {
  const server = createServer((req, res) => {
    handleDemoRequest(req, res).catch((error) => {
      console.error('[demo-upstream]', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'demo upstream failed' }))
    })
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    server,
    port: actual,
    url: `http://${hostname}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function handleDemoRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo')
  const body = await readBody(req)
  if (url.pathname.startsWith('/ai/')) return handleDemoAi(req, res, url, body)
  const delay = Math.min(MAX_DELAY_MS, Number(url.searchParams.get('delay') ?? req.headers['x-demo-delay'] ?? 0) || 0)
  if (delay > 0) await sleep(delay)

  const forced = Number(url.searchParams.get('status') ?? 0)
  if (forced >= 200 && forced <= 599) {
    return sendJson(res, forced, { status: forced, message: `Demo upstream answered ${forced} as asked` })
  }
  if (/\/(stream|sse)$/.test(url.pathname)) return streamEvents(res, url)

  const answer = demoAnswer(req.method ?? 'GET', url, body)
  if (answer) return sendJson(res, answer.status, answer.body)

  let parsed: unknown = body
  try {
    parsed = body ? JSON.parse(body) : null
  } catch {
    // Not JSON: echo the text as is.
  }
  sendJson(res, 200, {
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: parsed,
  })
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value)
  // RFC 9457: an error body with a title and a status is a problem document.
  const problem = status >= 400 && typeof value === 'object' && value !== null && 'title' in value
  const type = problem ? 'application/problem+json' : 'application/json'
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

// text/event-stream per the WHATWG HTML "Server-sent events" section: one "data:" line per event.
async function streamEvents(res: ServerResponse, url: URL): Promise<void> {
  const n = Math.min(1_000, Number(url.searchParams.get('n') ?? 5) || 5)
  const interval = Math.min(10_000, Number(url.searchParams.get('interval') ?? 100) || 0)
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  for (let i = 1; i <= n; i++) {
    if (res.destroyed) return
    res.write(`id: ${i}\nevent: tick\ndata: ${JSON.stringify({ seq: i, of: n, at: new Date().toISOString() })}\n\n`)
    if (i < n) await sleep(interval)
  }
  res.end('event: done\ndata: [DONE]\n\n')
}
