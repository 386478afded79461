import type { Dispatcher } from 'undici'
import type { GatewayCall } from './gateway-call'
import type { RouteCapture } from './snapshot-types'

// The capture seam: for a version whose owner turned capture on, what the gateway saw of one
// proxied call (headers as sent, and the first bytes of each body) goes to a CaptureSink, which
// redacts and stores it off the hot path (lib/calls/capture plugs in here). Versions with capture
// off never reach this file: proxyRequest checks `route.capture` once and dispatches as before.

/** How much of each body is kept; the rest is counted, not stored. */
export const CAPTURE_BODY_LIMIT = 16 * 1024

export type HeaderPairs = Array<[string, string]>

export type CapturedCall = {
  requestId: string
  createdAt: number
  ownerTeamId: string
  consumerTeamId: string | null
  versionId: string
  retentionMs: number
  /** The query string without its "?", or null when the URL had none. */
  query: string | null
  /** Raw, unredacted: the sink redacts before anything is queued or stored. */
  requestHeaders: HeaderPairs
  responseHeaders: HeaderPairs
  /** Null when the mode keeps headers only. */
  requestBody: Buffer | null
  responseBody: Buffer | null
  requestBodyBytes: number
  responseBodyBytes: number
}

export type CaptureSink = { record(capture: CapturedCall): void }

class BodyTap {
  private readonly chunks: Buffer[] = []
  kept = 0
  seen = 0

  add(chunk: Buffer): void {
    this.seen += chunk.length
    if (this.kept >= CAPTURE_BODY_LIMIT) return
    const room = CAPTURE_BODY_LIMIT - this.kept
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk
    this.chunks.push(Buffer.from(part))
    this.kept += part.length
  }

  get buffer(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

function pairsOf(raw: readonly string[]): HeaderPairs {
  const pairs: HeaderPairs = []
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i].toLowerCase(), raw[i + 1]])
  return pairs
}

function pairsOfRecord(headers: Record<string, string | string[] | undefined>): HeaderPairs {
  const pairs: HeaderPairs = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name.toLowerCase(), String(one)])
  }
  return pairs
}

/** Wraps the call's upstream handler (and its request body) so both directions are recorded once. */
export function tapExchange(
  call: GatewayCall,
  capture: RouteCapture,
  sink: CaptureSink,
  handler: Dispatcher.DispatchHandler,
  body: AsyncIterable<Buffer> | null,
): { handler: Dispatcher.DispatchHandler; body: AsyncIterable<Buffer> | null } {
  const withBodies = capture.mode === 'HEADERS_AND_BODIES'
  const requestTap = new BodyTap()
  const responseTap = new BodyTap()
  let responseHeaders: HeaderPairs = []
  let emitted = false
  const emit = () => {
    if (emitted) return
    emitted = true
    const route = call.route!
    const url = call.req.url ?? ''
    const q = url.indexOf('?')
    sink.record({
      requestId: call.requestId,
      createdAt: call.createdAt,
      ownerTeamId: route.ownerTeamId,
      consumerTeamId: call.key?.teamId ?? null,
      versionId: route.versionId,
      retentionMs: capture.retentionMs,
      query: q === -1 ? null : url.slice(q + 1),
      requestHeaders: pairsOf(call.req.rawHeaders),
      responseHeaders,
      requestBody: withBodies ? requestTap.buffer : null,
      responseBody: withBodies ? responseTap.buffer : null,
      requestBodyBytes: requestTap.seen,
      responseBodyBytes: responseTap.seen,
    })
  }
  const tapped: Dispatcher.DispatchHandler = {
    onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
    onResponseStart: (controller, statusCode, headers, statusMessage) => {
      responseHeaders = pairsOfRecord(headers as Record<string, string | string[] | undefined>)
      handler.onResponseStart?.(controller, statusCode, headers, statusMessage)
    },
    onResponseData: (controller, chunk) => {
      if (withBodies) responseTap.add(chunk)
      else responseTap.seen += chunk.length
      handler.onResponseData?.(controller, chunk)
    },
    onResponseEnd: (controller, trailers) => {
      handler.onResponseEnd?.(controller, trailers)
      emit()
    },
    onResponseError: (controller, error) => {
      handler.onResponseError?.(controller, error)
      emit()
    },
  }
  return { handler: tapped, body: body === null ? null : tapBody(body, requestTap, withBodies) }
}

async function* tapBody(body: AsyncIterable<Buffer>, tap: BodyTap, keep: boolean): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    if (keep) tap.add(chunk)
    else tap.seen += chunk.length
    yield chunk
  }
}
