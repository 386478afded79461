// The baseline: a bare undici pass-through proxy in a few lines (no auth, no metering), using
// undici's stream() API, its fastest high-level path for proxies. BENCH_WORKERS=N uses node:cluster
// like GATEWAY_WORKERS does.
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import { Pool, type Dispatcher } from 'undici'

const workers = Number(process.env.BENCH_WORKERS ?? 1)
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork()
  process.on('SIGTERM', () => process.exit(0))
} else {
  const pool = new Pool(process.env.UPSTREAM_URL!, { connections: null, pipelining: 1, keepAliveTimeout: 30_000 })
  createServer((req, res) => {
    const { host: _host, connection: _connection, ...headers } = req.headers
    pool
      .stream(
        {
          path: req.url!,
          method: req.method as Dispatcher.HttpMethod,
          headers,
          body: req.method === 'GET' ? null : req,
        },
        ({ statusCode, headers: upstreamHeaders }) => {
          res.writeHead(statusCode, upstreamHeaders)
          return res
        },
      )
      .catch(() => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
  }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`listening on port ${process.env.PORT}`))
  process.on('SIGTERM', () => process.exit(0))
}
