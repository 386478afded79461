import type { IncomingMessage, ServerResponse } from 'node:http'
import { safeEqual } from '@/lib/crypto/hash'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { clientAddress } from '@/lib/net/client-address'
import { metricsRegistry } from './registry'

// GET /metrics in Prometheus' text format. Open to loopback clients (a sidecar or node exporter on
// the same host); anyone else sends Authorization: Bearer $METRICS_TOKEN. The address is the real
// client's (behind TRUST_PROXY proxies, the forwarded one), so a local reverse proxy does not make
// the whole internet "loopback".
export const METRICS_PATH = '/metrics'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

export function isMetricsRequest(req: IncomingMessage): boolean {
  const url = req.url ?? ''
  return url === METRICS_PATH || url.startsWith(`${METRICS_PATH}?`)
}

function allowed(req: IncomingMessage, token: string | undefined): boolean {
  if (LOOPBACK.test(clientAddress(req))) return true
  const sent = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return Boolean(token && sent && safeEqual(sent, token))
}

/**
 * Answers a /metrics request. `collect` returns the text (this process's registry, or the whole
 * cluster's when workers are forked).
 */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  { collect = () => metricsRegistry.metrics(), token = process.env.METRICS_TOKEN } = {},
): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new AppError({ code: 'method_not_allowed', status: 405, message: 'Use GET for /metrics' })
    }
    if (!allowed(req, token)) {
      throw new AppError({
        code: 'unauthenticated',
        status: 401,
        message: 'Send Authorization: Bearer $METRICS_TOKEN, or scrape from loopback',
      })
    }
    const body = await collect()
    res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch (error) {
    const problem = toProblem(error)
    res.writeHead(problem.status, {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...(problem.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    })
    res.end(JSON.stringify(problem))
  }
}
