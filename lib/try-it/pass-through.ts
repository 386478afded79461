import { MAX_RESPONSE_BYTES, STREAM_HEADERS_HEADER, STREAM_STATUS_HEADER } from './schemas'
import type { StreamedGatewayAnswer } from './call-gateway'

// The gateway headers the try-it console shows beside a streamed answer.
const SHOWN_HEADERS = /^(x-tollgate-|x-request-id$|retry-after$|deprecation$|sunset$|content-type$)/i

/**
 * The try-it route's answer for a streamed call: the gateway's bytes as they arrive (each chunk
 * enqueued at once, nothing buffered), with the gateway's status and headers in two headers of
 * our own, since this route's status is the console's, not the gateway's.
 */
export function passThrough(answer: StreamedGatewayAnswer): Response {
  let sent = 0
  const iterator = answer.body[Symbol.asyncIterator]()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next()
        if (done) return controller.close()
        const chunk = value as Buffer
        if (sent + chunk.length > MAX_RESPONSE_BYTES) {
          controller.enqueue(new Uint8Array(chunk.subarray(0, MAX_RESPONSE_BYTES - sent)))
          answer.body.destroy()
          return controller.close()
        }
        sent += chunk.length
        controller.enqueue(new Uint8Array(chunk))
      } catch (error) {
        controller.error(error)
      }
    },
    cancel() {
      // The browser went away: stop reading; the gateway bills what the provider reports.
      answer.body.destroy()
    },
  })
  const shown = answer.headers.filter(([name]) => SHOWN_HEADERS.test(name))
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': answer.contentType ?? 'application/octet-stream',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      [STREAM_STATUS_HEADER]: String(answer.status),
      [STREAM_HEADERS_HEADER]: encodeURIComponent(JSON.stringify(shown)),
    },
  })
}
