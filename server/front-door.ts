import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { isIPv6 } from 'node:net'
import type { Duplex } from 'node:stream'
import { AppError } from '../lib/errors/app-error'
import { toProblem } from '../lib/errors/to-problem'
import { GATEWAY_PREFIX } from '../lib/gateway/parse-gateway-path'
import { uuidV7 } from '../lib/gateway/request-id'
import { GATEWAY_CSP } from '../lib/gateway/security-headers'
import { formBodyLimitFor, SERVER_ACTION_BODY_LIMIT_BYTES } from '../lib/http/body-limits'
import { fromTrustedProxy } from '../lib/net/client-address'

// The checks every request meets before the gateway or Next sees it, on the console's port and on
// a gateway-only server alike. Each rule returns the AppError to answer with, or null; one writer
// turns it into problem+json. Without them, Next answers these requests with a 500.

export type FrontDoorOptions = {
  /** The console's server: Host is required and the server-action rules apply outside /gw/. */
  console: boolean
}

const refusal = (status: number, code: string, message: string) => new AppError({ status, code, message })

/** RFC 9112 §3.2: only origin-form ("/path?query") names a resource here; "*", absolute-form and authority-form do not. */
export function checkRequestTarget(req: IncomingMessage): AppError | null {
  const url = req.url ?? ''
  return url.charCodeAt(0) === 47 /* / */
    ? null
    : refusal(400, 'invalid_request_target', 'The request target must be a path starting with "/".')
}

// No console page, slug or query takes a NUL, and an escaped one reaching a query makes PostgreSQL
// fail it (a 500); the gateway refuses it in paths by its own rule (404) and passes queries on.
const ENCODED_NUL = /%00/i

/** A console target with an encoded NUL anywhere (path or query). */
export function checkConsoleTarget(req: IncomingMessage): AppError | null {
  return ENCODED_NUL.test(req.url ?? '')
    ? refusal(400, 'invalid_request_target', 'The address contains an encoded NUL (%00).')
    : null
}

// RFC 3986 §3.2.2 reg-name without pct-encoded (no client sends an escaped host name, and a
// WHATWG URL parser rejects some that decode); IPv4 addresses are reg-names too.
const REG_NAME = /^[A-Za-z0-9\-._~!$&'()*+,;=]+$/
const IP_FUTURE = /^v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/
const PORT = /^[0-9]{0,5}$/

/** host [ ":" port ] per RFC 3986 §3.2.2-3.2.3, with the port at most 65535. */
export function isValidHost(value: string): boolean {
  let port = ''
  if (value.charCodeAt(0) === 91 /* [ */) {
    const close = value.indexOf(']')
    if (close === -1) return false
    const literal = value.slice(1, close)
    if (!isIPv6(literal) && !IP_FUTURE.test(literal)) return false
    const rest = value.slice(close + 1)
    if (rest !== '') {
      if (rest.charCodeAt(0) !== 58 /* : */) return false
      port = rest.slice(1)
    }
  } else {
    const colon = value.indexOf(':')
    const host = colon === -1 ? value : value.slice(0, colon)
    if (!REG_NAME.test(host)) return false
    if (colon !== -1) port = value.slice(colon + 1)
  }
  return PORT.test(port) && (port === '' || Number(port) <= 65_535)
}

/** RFC 9112 §3.2: a request with no Host (where one is needed), several, or an invalid one is answered 400. */
export function checkHost(req: IncomingMessage, required: boolean): AppError | null {
  const raw = req.rawHeaders
  let lines = 0
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === 4 && raw[i].toLowerCase() === 'host') lines++
  const host = req.headers.host
  if (lines > 1) return refusal(400, 'invalid_host', 'The request carries more than one Host header.')
  if (host === undefined) return required ? refusal(400, 'invalid_host', 'The request has no Host header.') : null
  return isValidHost(host) ? null : refusal(400, 'invalid_host', 'The Host header is not a valid host[:port].')
}

/**
 * A request Next would treat as a server action (its getServerActionRequestMetadata): a POST with
 * a Next-Action header, or a form post. Auth.js's routes have their own CSRF token and may take an
 * identity provider's cross-site form_post, so they are left to it.
 */
export function isPossibleServerAction(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url?.startsWith('/api/auth/')) return false
  if (req.headers['next-action'] !== undefined) return true
  const type = req.headers['content-type']?.toLowerCase()
  return (
    type !== undefined &&
    (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded'))
  )
}

/**
 * CSRF: a server action's Origin must name this host, compared as Next does (the Origin's host
 * against X-Forwarded-Host, else Host), so nothing reaches Next that it would refuse with a 500.
 * A request without Origin is no browser's cross-site request (browsers send Origin on every POST);
 * Next lets it through too.
 */
export function checkActionOrigin(req: IncomingMessage): AppError | null {
  const origin = req.headers.origin
  if (origin === undefined) return null
  const forwardedHost = req.headers['x-forwarded-host']
  const expected =
    (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost?.split(',')[0]?.trim()) || req.headers.host
  let originHost: string | null = null
  if (origin !== 'null' && URL.canParse(origin)) originHost = new URL(origin).host
  if (originHost !== null && originHost === expected) return null
  return refusal(403, 'cross_origin_action', 'Server actions are accepted only from pages of this site.')
}

/** RFC 9110 §15.5.14 and §15.5.12: a declared body over the limit is refused unread; an undeclared (chunked) one is not accepted. */
export function checkActionBody(req: IncomingMessage, limit = SERVER_ACTION_BODY_LIMIT_BYTES): AppError | null {
  const declared = req.headers['content-length']
  if (declared !== undefined) {
    return Number(declared) > limit
      ? refusal(413, 'payload_too_large', `A form post may be at most ${limit} bytes.`)
      : null
  }
  if (req.headers['transfer-encoding'] === undefined) return null
  return refusal(411, 'length_required', 'A form post must declare its Content-Length.')
}

// Next (and Auth.js, for its redirect URLs) believe these; only a TRUST_PROXY proxy may set them.
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded']

/** Deletes client-written forwarding headers unless the peer is a trusted proxy (DESIGN, "Trust boundaries"). */
export function dropUntrustedForwarding(req: IncomingMessage): void {
  if (fromTrustedProxy(req)) return
  for (const name of FORWARDING_HEADERS) delete req.headers[name]
}

// Problem answers from the front door are never cached, never sniffed or framed, and close the
// connection: the request may be malformed or its body unread.
const PROBLEM_HEAD: Readonly<Record<string, string>> = {
  'content-type': 'application/problem+json',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': GATEWAY_CSP,
  connection: 'close',
}

/** The one problem+json writer for a response object; `keepAlive` only for a well-formed request that was fully read. */
export function writeProblem(res: ServerResponse, error: AppError, keepAlive = false): void {
  const requestId = uuidV7(Date.now())
  const body = JSON.stringify(toProblem(error, requestId))
  const head: Record<string, string> = {
    ...PROBLEM_HEAD,
    'content-length': String(Buffer.byteLength(body)),
    'x-request-id': requestId,
  }
  if (keepAlive) delete head.connection
  res.writeHead(error.status, head)
  res.end(body)
}

/** The same answer written straight to a socket (parser errors, CONNECT, upgrades), then closed. */
export function writeProblemToSocket(socket: Duplex, error: AppError): void {
  if (!socket.writable) return void socket.destroy()
  const requestId = uuidV7(Date.now())
  const body = JSON.stringify(toProblem(error, requestId))
  const head = { ...PROBLEM_HEAD, 'content-length': String(Buffer.byteLength(body)), 'x-request-id': requestId }
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}`)
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${body}`)
}

/** Rules that need only the request line and headers; shared by requests and upgrades. */
function checkHead(req: IncomingMessage, options: FrontDoorOptions): AppError | null {
  return checkRequestTarget(req) ?? checkHost(req, options.console)
}

/** Runs every rule; true when the front door answered and the caller must not handle the request. */
export function frontDoor(req: IncomingMessage, res: ServerResponse, options: FrontDoorOptions): boolean {
  let error = checkHead(req, options)
  if (error === null && options.console && !req.url!.startsWith(GATEWAY_PREFIX)) {
    dropUntrustedForwarding(req)
    error = checkConsoleTarget(req)
    if (error === null && isPossibleServerAction(req))
      error = checkActionOrigin(req) ?? checkActionBody(req, formBodyLimitFor(req.url!))
  }
  if (error === null) return false
  writeProblem(res, error)
  return true
}

/** Upgrade requests (Next's dev reload socket) meet the head rules; true when refused. */
export function frontDoorUpgrade(req: IncomingMessage, socket: Duplex, options: FrontDoorOptions): boolean {
  const error = checkHead(req, options)
  if (error === null) {
    if (options.console) dropUntrustedForwarding(req)
    return false
  }
  writeProblemToSocket(socket, error)
  return true
}

/**
 * Answers what never becomes a request event with problem+json too: requests Node's parser
 * rejects (it would send a bare 400) and CONNECT (authority-form; Node would just close).
 */
export function guardServer(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Mid-response, or a peer that is already gone: nothing can be answered.
    const answered = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    if (error.code === 'ECONNRESET' || answered) return void socket.destroy()
    if (error.code === 'HPE_HEADER_OVERFLOW')
      return writeProblemToSocket(socket, refusal(431, 'headers_too_large', 'The request headers are too large.'))
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
      return writeProblemToSocket(socket, refusal(408, 'request_timeout', 'The request did not arrive in time.'))
    writeProblemToSocket(socket, refusal(400, 'malformed_request', 'The request is not valid HTTP/1.1.'))
  })
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    writeProblemToSocket(
      socket,
      refusal(400, 'invalid_request_target', 'CONNECT is not supported: this is not a forward proxy.'),
    )
  })
}
