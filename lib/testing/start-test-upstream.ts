import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A real HTTP upstream on a free port; `downUrl` is a port nothing listens on. */
export async function startTestUpstream(): Promise<{
  url: string
  downUrl: string
  requests: string[]
  close: () => Promise<void>
}> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(req.method === 'HEAD' ? undefined : '{"ok":true}')
  })
  const port = await listen(server)
  const closed = createServer()
  const downPort = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    downUrl: `http://127.0.0.1:${downPort}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}
