import { z } from 'zod'

// The body of POST /api/try-it. The browser names a key and a version by id; the server looks up
// everything else (the gateway address included), so the request can only ever reach our gateway.

export const TRY_IT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const
export type TryItMethod = (typeof TRY_IT_METHODS)[number]

/** The response body shown in the console is cut at this size. */
export const MAX_RESPONSE_BYTES = 1024 * 1024
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

// RFC 3986 §3.3: a path of segments made of unreserved, sub-delims, ":" "@" and percent-escapes.
// No "?" or "#" (the query goes separately) and no whitespace or CR/LF to smuggle.
const PATH_PATTERN = /^(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%]*)*$/
// RFC 9110 §5.1: a header name is a token.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

// Headers the user may not set: the gateway owns credentials and forwarding, Node owns framing.
const BLOCKED_HEADERS = new Set([
  'host',
  'authorization',
  'x-api-key',
  'x-tollgate-delegation',
  'cookie',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'x-request-id',
])
const isBlockedHeader = (name: string) => {
  const lower = name.toLowerCase()
  return BLOCKED_HEADERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('x-forwarded-')
}

const pairs = (max: number) =>
  z
    .record(z.string().min(1).max(200), z.string().max(4000))
    .refine((record) => Object.keys(record).length <= max, `At most ${max} entries`)

export const tryItRequestSchema = z.object({
  keyId: z.string().trim().min(1, 'Choose a key').max(100),
  versionId: z.string().trim().min(1).max(100),
  method: z.enum(TRY_IT_METHODS),
  path: z
    .string()
    .max(2000)
    .regex(PATH_PATTERN, 'The path has characters that must be percent-encoded')
    .refine(
      (path) => !/(^|\/)\.\.?(\/|$)/.test(path.replace(/%2e/gi, '.')),
      'The path may not contain "." or ".." segments',
    ),
  query: pairs(50).default({}),
  headers: pairs(50)
    .refine((h) => Object.keys(h).every((name) => HEADER_NAME.test(name)), 'A header name has invalid characters')
    .refine(
      (h) => Object.keys(h).every((name) => !isBlockedHeader(name)),
      'Credentials and framing headers are set by Tollgate',
    )
    .refine((h) => Object.values(h).every((value) => !/[\r\n\0]/.test(value)), 'A header value has a line break')
    .default({}),
  body: z.string().max(MAX_REQUEST_BODY_BYTES, 'The body is larger than 1 MB').optional(),
  // Pass the gateway's answer through as it arrives (server-sent events of an AI chat stream).
  stream: z.boolean().default(false),
})
export type TryItRequest = z.infer<typeof tryItRequestSchema>

/** What the route answers with (200), whatever the gateway said: the console renders it as-is. */
export type TryItResponse = {
  status: number
  statusText: string
  headers: [string, string][]
  contentType: string | null
  /** UTF-8 text of the body, or null for a binary body (its size is in `bytes`). */
  body: string | null
  bytes: number
  truncated: boolean
  elapsedMs: number
  url: string
}

/** Headers of a streamed try-it answer that carry the gateway's own status and headers. */
export const STREAM_STATUS_HEADER = 'x-gateway-status'
export const STREAM_HEADERS_HEADER = 'x-gateway-headers'
