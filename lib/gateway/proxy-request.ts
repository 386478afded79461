import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'
import { performance } from 'node:perf_hooks'
import type { Dispatcher } from 'undici'
import { buildResponseHeaders, buildUpstreamHeaders, type OutHeadersInput } from './forward-headers'
import { CLIENT_CLOSED_STATUS, type GatewayErrorCode } from './gateway-errors'
import { tapExchange, type CaptureSink } from './capture-tap'
import type { GatewayCall } from './gateway-call'
import type { OutHeaders } from './out-headers'

// Step 7: stream the call to the upstream and the answer back, both ways without buffering
// (SSE chunks are written as they arrive). One handler object per call drives undici's
// dispatch API directly, which skips the Readable that request() would build for the body.

export class PayloadTooLargeError extends Error {
  readonly code = 'TOLLGATE_PAYLOAD_TOO_LARGE'
}

const kExchange = Symbol('tollgate.exchange')
type TrackedResponse = ServerResponse & { [kExchange]?: UpstreamExchange }

// One shared listener (no closure per call): `this` is the response that closed.
function onResponseClose(this: TrackedResponse): void {
  const exchange = this[kExchange]
  if (exchange && !exchange.call.done) exchange.clientGone()
}

class UpstreamExchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null
  private resumeOnDrain: (() => void) | null = null

  constructor(readonly call: GatewayCall) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    if (this.call.done) controller.abort(new Error('client closed'))
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: OutHeadersInput): void {
    const call = this.call
    if (call.done) return controller.abort(new Error('client closed'))
    call.upstreamMs = performance.now() - call.upstreamStartedAt
    call.status = statusCode
    const out = buildResponseHeaders(headers) as OutHeaders
    // An upstream's own 402 passes through untouched, except that no cache may keep it.
    if (statusCode === 402) out['cache-control'] = 'no-store'
    call.addGatewayHeaders(out)
    try {
      call.res.writeHead(statusCode, out)
    } catch {
      // An upstream header Node refuses to send (e.g. control characters) is a broken upstream.
      controller.abort(new Error('invalid upstream response headers'))
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const call = this.call
    call.responseBytes += chunk.length
    // Back-pressure: stop reading the upstream while the client's socket buffer is full.
    if (!call.res.write(chunk)) {
      controller.pause()
      this.resumeOnDrain ??= () => this.controller?.resume()
      call.res.once('drain', this.resumeOnDrain)
    }
  }

  onResponseEnd(): void {
    this.call.res.end()
    this.call.finish()
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const call = this.call
    if (call.done) return
    const code = errorCodeFor(error)
    if (code === null) {
      call.status = CLIENT_CLOSED_STATUS
      call.errorCode = 'client_closed'
      call.finish()
      return
    }
    if (code === 'payload_too_large') {
      // The rest of the body is unread: close instead of draining it (RFC 9110 §15.5.14).
      return call.fail(code, { headers: { connection: 'close' } })
    }
    call.fail(code)
  }

  clientGone(): void {
    const call = this.call
    call.status = call.res.headersSent ? call.status : CLIENT_CLOSED_STATUS
    call.errorCode = 'client_closed'
    this.controller?.abort(new Error('client closed'))
    call.finish()
  }
}

/** Maps an undici/socket failure to the gateway's answer; null means the client went away. */
function errorCodeFor(error: Error): GatewayErrorCode | null {
  const code = (error as { code?: string }).code
  if (error instanceof PayloadTooLargeError || code === 'TOLLGATE_PAYLOAD_TOO_LARGE') return 'payload_too_large'
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return 'upstream_timeout'
  if (code === 'UND_ERR_ABORTED' || error.message === 'client closed') return null
  return 'upstream_unreachable'
}

/** Counts streamed request bytes and stops at the limit, whatever Content-Length claimed. */
async function* countedBody(req: IncomingMessage, call: GatewayCall, maxBytes: number): AsyncGenerator<Buffer> {
  call.requestBytes = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    call.requestBytes += chunk.length
    if (call.requestBytes > maxBytes) throw new PayloadTooLargeError('request body too large')
    yield chunk
  }
}

// DESIGN, "Trust boundaries": the base path and the caller's suffix (vetted by check-suffix.ts)
// joined as they are. Nothing re-parses the result: undici writes `path` onto the request line
// verbatim (lib/core/request.js only checks the leading "/" and refuses control characters).
function upstreamPath(basePath: string, suffix: string): string {
  if (suffix.length === 0) return basePath || '/'
  // "?query" straight after the version: the upstream's base path (or "/") carries the query.
  if (suffix.charCodeAt(0) === 63 /* ? */) return (basePath || '/') + suffix
  return basePath + suffix
}

export function proxyRequest(call: GatewayCall, suffix: string, maxBodyBytes: number, captures?: CaptureSink): void {
  const route = call.route!
  const req = call.req
  const headers = req.headers
  const hasBody =
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  const exchange = new UpstreamExchange(call)
  const res = call.res as TrackedResponse
  res[kExchange] = exchange
  res.on('close', onResponseClose)
  call.forwarded = true
  call.upstreamStartedAt = performance.now()
  const body = hasBody ? countedBody(req, call, maxBodyBytes) : null
  // Only versions with capture on pay for the tap; every other call dispatches exactly as before.
  const tapped = route.capture !== null && captures ? tapExchange(call, route.capture, captures, exchange, body) : null
  route.pool!.dispatch(
    {
      path: upstreamPath(route.upstreamBasePath, suffix),
      method: req.method as Dispatcher.HttpMethod,
      headers: buildUpstreamHeaders(req, call.requestId),
      // undici streams any async iterable body (lib/core/request.js), though its types list only Readable.
      body: (tapped ? tapped.body : body) as unknown as Readable | null,
      // ApiVersion.timeoutMs bounds the wait for the answer's headers and each gap in its body.
      // undici runs these on its coarse timer wheel (~0.5 s ticks): a 300 ms timeout fires within ~1 s.
      headersTimeout: route.timeoutMs,
      bodyTimeout: route.timeoutMs,
    },
    tapped ? tapped.handler : exchange,
  )
}
