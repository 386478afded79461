import { STATUS_CODES } from 'node:http'
import { request } from 'undici'
import { DELEGATION_HEADER, signDelegation } from '@/lib/credentials/delegation'
import { MAX_RESPONSE_BYTES, type TryItRequest, type TryItResponse } from './schemas'

// How long the console waits for the gateway; the gateway's own upstream timeout (30 s by
// default) answers 504 before this fires.
const TIMEOUT_MS = 35_000

/** Where this process's gateway listens. TRY_IT_GATEWAY_ORIGIN overrides it when HOSTNAME is not loopback. */
export function gatewayOrigin(): string {
  return process.env.TRY_IT_GATEWAY_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`
}

const TEXT_TYPES =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|yaml|x-ndjson)|application\/problem)/i

type GatewayCallInput = {
  keyId: string
  gatewayPath: string
  request: Pick<TryItRequest, 'method' | 'path' | 'query' | 'headers' | 'body'>
  origin?: string
}

/** Sends the request to the gateway with a short-lived delegation for the key; the answer's body is still unread. */
async function openGatewayRequest(input: GatewayCallInput) {
  const { method, path, query, headers, body } = input.request
  const search = new URLSearchParams(Object.entries(query)).toString()
  const shownUrl = `${input.gatewayPath}${path}${search ? `?${search}` : ''}`
  const sendsBody = body !== undefined && body !== '' && method !== 'GET' && method !== 'HEAD'
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
  const started = performance.now()
  const response = await request(`${input.origin ?? gatewayOrigin()}${shownUrl}`, {
    method,
    headers: {
      ...headers,
      ...(sendsBody && !hasContentType ? { 'content-type': 'application/json' } : {}),
      [DELEGATION_HEADER]: signDelegation(input.keyId),
    },
    body: sendsBody ? body : undefined,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })
  return { response, started, shownUrl }
}

/**
 * Calls the gateway over real HTTP, as a client would, with a short-lived delegation for the key
 * instead of the key itself (only its hash is stored). The gateway's answer, errors included
 * (401, 402, 429, 502 ... as problem+json), is returned as data, never thrown.
 */
export async function callGateway(input: GatewayCallInput): Promise<TryItResponse> {
  const { response, started, shownUrl } = await openGatewayRequest(input)

  const chunks: Buffer[] = []
  let bytes = 0
  let truncated = false
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer
    if (bytes + buffer.length > MAX_RESPONSE_BYTES) {
      chunks.push(buffer.subarray(0, MAX_RESPONSE_BYTES - bytes))
      bytes = MAX_RESPONSE_BYTES
      truncated = true
      // Stop reading: an endless stream (SSE, a huge export) must not hold the console's memory.
      response.body.destroy()
      break
    }
    chunks.push(buffer)
    bytes += buffer.length
  }
  const elapsedMs = Math.round(performance.now() - started)

  const flatHeaders = flattenHeaders(response.headers)
  const contentType = headerValue(response.headers['content-type'])
  const isText = contentType === null || TEXT_TYPES.test(contentType)
  return {
    status: response.statusCode,
    statusText: STATUS_CODES[response.statusCode] ?? '',
    headers: flatHeaders,
    contentType,
    body: isText ? Buffer.concat(chunks).toString('utf8') : null,
    bytes,
    truncated,
    elapsedMs,
    url: shownUrl,
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? (value[0] ?? null) : value
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const flat: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) flat.push([name, item])
  }
  return flat
}

/** The head of a streamed gateway answer; its body goes to the browser chunk by chunk. */
export type StreamedGatewayAnswer = {
  status: number
  headers: [string, string][]
  contentType: string | null
  url: string
  body: AsyncIterable<Buffer> & { destroy(): void }
}

/**
 * The same call for a streamed answer (an AI chat with `stream: true`): the body is handed on as
 * it arrives, never buffered, so server-sent events reach the try-it console one by one. The
 * size cap still holds: past MAX_RESPONSE_BYTES the stream is cut.
 */
export async function streamGateway(input: GatewayCallInput): Promise<StreamedGatewayAnswer> {
  const { response, shownUrl } = await openGatewayRequest(input)
  return {
    status: response.statusCode,
    headers: flattenHeaders(response.headers),
    contentType: headerValue(response.headers['content-type']),
    url: shownUrl,
    body: response.body,
  }
}
