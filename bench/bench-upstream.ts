// The benchmark's upstream: plain node:http answering a small JSON body, as cheap as Node gets,
// so the numbers measure the proxies in front of it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const body = Buffer.from(JSON.stringify({ ok: true, city: 'Oslo', temperatureC: 7.5, conditions: 'clear' }))
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) }

const server = createServer((req, res) => {
  res.writeHead(200, headers)
  res.end(body)
})
server.keepAliveTimeout = 65_000
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on port ${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => process.exit(0))
