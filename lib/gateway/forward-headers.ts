import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { fromTrustedProxy } from '../net/client-address'
import { bearerToken, isTollgateKeyLike } from './authenticate-key'

export type OutHeadersInput = IncomingHttpHeaders

// Header hygiene for a proxy. RFC 9110 §7.6.1: Connection, and every header it names, is
// hop-by-hop and must not be forwarded; so are Keep-Alive, TE, Trailer, Transfer-Encoding and
// Upgrade, plus the Proxy-* family. DESIGN, "Trust boundaries": nothing of the console crosses the
// gateway (its session cookies, the caller's Tollgate key), in either direction.

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade'])

// Not hop-by-hop, but the gateway owns them: Host is the upstream's (undici sets it from the
// origin), the delegation is Tollgate's, and the forwarding headers and X-Request-Id are rewritten.
// Authorization, X-Api-Key and Cookie are filtered below rather than dropped.
const GATEWAY_OWNED = new Set([
  'host',
  'authorization',
  'x-api-key',
  'cookie',
  'x-request-id',
  'x-tollgate-delegation',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
  'x-real-ip',
])

// Auth.js v5 (authjs.session-token, .csrf-token, .callback-url, chunks ".0", ".1"), with the
// __Secure- and __Host- prefixes it adds over HTTPS, and NextAuth v4's names. Compared in lower case.
const CONSOLE_COOKIE_PREFIXES = [
  'authjs.',
  '__secure-authjs.',
  '__host-authjs.',
  'next-auth.',
  '__secure-next-auth.',
  '__host-next-auth.',
]

const AUTH_HINT = /auth/i

/** True for a cookie name the console itself uses (its session, CSRF and callback cookies). */
export function isConsoleCookie(name: string): boolean {
  const lower = name.trim().toLowerCase()
  for (const prefix of CONSOLE_COOKIE_PREFIXES) if (lower.startsWith(prefix)) return true
  return false
}

/** The Cookie header without the console's cookies, or null when nothing is left. */
export function withoutConsoleCookies(cookie: string): string | null {
  // Fast path: no console cookie can be in a header that never says "auth".
  if (!AUTH_HINT.test(cookie)) return cookie
  const kept: string[] = []
  for (const pair of cookie.split(';')) {
    const eq = pair.indexOf('=')
    const name = eq === -1 ? pair : pair.slice(0, eq)
    if (pair.trim() !== '' && !isConsoleCookie(name)) kept.push(pair.trim())
  }
  return kept.length > 0 ? kept.join('; ') : null
}

/**
 * The name a browser files a Set-Cookie under. RFC 6265bis §5.6: a pair without "=" is a nameless
 * cookie whose value is the whole pair, and a nameless cookie is sent back as just its value, so
 * "=authjs.session-token=x" reaches the console as the cookie authjs.session-token.
 */
function setCookieName(setCookie: string): string {
  const semi = setCookie.indexOf(';')
  const pair = (semi === -1 ? setCookie : setCookie.slice(0, semi)).trim()
  const eq = pair.indexOf('=')
  if (eq === -1) return pair
  const name = pair.slice(0, eq).trim()
  if (name !== '') return name
  const value = pair.slice(eq + 1).trim()
  const valueEq = value.indexOf('=')
  return valueEq === -1 ? value : value.slice(0, valueEq)
}

/** A list header's value as one string (Node joins repeated lines of unknown headers already). */
const text = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value

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
  // The caller's other credentials are the upstream's business (its own bearer token, a Basic
  // login); a Tollgate key, whichever header carries it, is not.
  const authorization = headers.authorization
  if (authorization !== undefined && !isTollgateKeyLike(bearerToken(authorization)))
    out.push('authorization', authorization)
  const apiKey = headers['x-api-key']
  if (typeof apiKey === 'string' && !isTollgateKeyLike(apiKey.trim())) out.push('x-api-key', apiKey)
  if (headers.cookie !== undefined) {
    const cookie = withoutConsoleCookies(headers.cookie)
    if (cookie !== null) out.push('cookie', cookie)
  }
  // What a client wrote in X-Forwarded-* (or Forwarded, X-Real-IP) is believed only from a
  // TRUST_PROXY peer (DESIGN); from anyone else this hop starts the chain afresh.
  const client = req.socket.remoteAddress ?? ''
  const trusted = fromTrustedProxy(req)
  const prior = trusted ? text(headers['x-forwarded-for']) : undefined
  out.push('x-forwarded-for', prior ? `${prior}, ${client}` : client)
  const proto = trusted ? text(headers['x-forwarded-proto']) : undefined
  out.push('x-forwarded-proto', proto ?? ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'))
  const host = (trusted ? text(headers['x-forwarded-host']) : undefined) ?? headers.host
  if (host) out.push('x-forwarded-host', host)
  if (trusted) {
    const forwarded = text(headers.forwarded)
    if (forwarded !== undefined) out.push('forwarded', forwarded)
    const realIp = text(headers['x-real-ip'])
    if (realIp !== undefined) out.push('x-real-ip', realIp)
  }
  out.push('x-request-id', requestId)
  return out
}

/**
 * Copies the upstream's response headers minus the hop-by-hop ones and any Set-Cookie for a
 * console cookie: /gw shares the console's origin, so an upstream could otherwise plant or
 * overwrite a console session.
 */
export function buildResponseHeaders(upstream: IncomingHttpHeaders): Record<string, string | string[]> {
  const named = connectionTokens(upstream.connection)
  const out: Record<string, string | string[]> = {}
  for (const name in upstream) {
    if (isHopByHop(name, named)) continue
    const value = upstream[name]
    if (value === undefined) continue
    if (name === 'set-cookie') {
      const kept = (Array.isArray(value) ? value : [value]).filter((item) => !isConsoleCookie(setCookieName(item)))
      if (kept.length > 0) out[name] = kept
      continue
    }
    out[name] = value
  }
  return out
}
