import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

export type OutHeadersInput = IncomingHttpHeaders

// Header hygiene for a proxy. RFC 9110 §7.6.1: Connection, and every header it names, is
// hop-by-hop and must not be forwarded; so are Keep-Alive, TE, Trailer, Transfer-Encoding and
// Upgrade, plus the Proxy-* family. The consumer's Tollgate key never leaves the gateway.

const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade',
])

// Not hop-by-hop, but the gateway owns them: Host is the upstream's (undici sets it from the
// origin), the credentials are Tollgate's, and the X-Forwarded-* / X-Request-Id are rewritten.
const GATEWAY_OWNED = new Set([
  'host', 'authorization', 'x-api-key', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-request-id',
  'x-tollgate-delegation',
])

/** Header names listed in a Connection header, except the keep-alive/close options themselves. */
function connectionTokens(value: string | string[] | undefined): Set<string> | null {
  if (!value) return null
  const joined = Array.isArray(value) ? value.join(',') : value
  let tokens: Set<string> | null = null
  for (const raw of joined.split(',')) {
    const token = raw.trim().toLowerCase()
    if (token && token !== 'close' && token !== 'keep-alive') (tokens ??= new Set()).add(token)
  }
  return tokens
}

function isHopByHop(name: string, named: Set<string> | null): boolean {
  return HOP_BY_HOP.has(name) || name.startsWith('proxy-') || (named !== null && named.has(name))
}

/** The flat [name, value, ...] list undici sends upstream. */
export function buildUpstreamHeaders(req: IncomingMessage, requestId: string): string[] {
  const headers = req.headers
  const named = connectionTokens(headers.connection)
  const out: string[] = []
  for (const name in headers) {
    if (GATEWAY_OWNED.has(name) || isHopByHop(name, named)) continue
    const value = headers[name]
    if (value === undefined) continue
    if (typeof value === 'string') out.push(name, value)
    else for (const item of value) out.push(name, item)
  }
  // X-Forwarded-For is a list: append this hop's client to whatever earlier proxies recorded.
  const client = req.socket.remoteAddress ?? ''
  const prior = headers['x-forwarded-for']
  out.push('x-forwarded-for', prior ? `${prior}, ${client}` : client)
  out.push('x-forwarded-proto', (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http')
  if (headers.host) out.push('x-forwarded-host', headers.host)
  out.push('x-request-id', requestId)
  return out
}

/** Copies the upstream's response headers minus the hop-by-hop ones. */
export function buildResponseHeaders(upstream: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = connectionTokens(upstream.connection)
  const out: Record<string, string | string[]> = {}
  for (const name in upstream) {
    if (isHopByHop(name, named)) continue
    const value = upstream[name]
    if (value !== undefined) out[name] = value
  }
  return out
}
