import { AppError, invalid } from '@/lib/errors/app-error'
import { CONTRACT_FORM_OVERHEAD_BYTES } from '@/lib/http/body-limits'
import { formatBytes, maxOpenApiBytes } from '@/lib/openapi/openapi-limits.mjs'
import { tooLargeMessage } from '@/lib/openapi/parse-openapi-source.mjs'

// A contract sent to the server, as a multipart upload or in a JSON body, turned into text under
// the contract limit (OPENAPI_MAX_MB) while it streams in: the body is counted as it arrives and
// the read stops at the limit, so a 10 GB post costs the server no more than the limit. Used by
// the console's version form (its upload route) and the management API's version endpoint.

export type ContractUpload = {
  /** The other fields, as strings (a JSON body's numbers and booleans become text, as a form's would). */
  fields: Record<string, string>
  /** The contract text (`openapi` as a file or a field), or null when none was sent. */
  openapi: string | null
  /** The uploaded file's name, when the contract came as a file. */
  fileName: string | null
}

/**
 * Reads `multipart/form-data` (the contract in the `openapi` part, a file or plain text) or
 * `application/json` (`{ "openapi": "<text>" | {document}, ...fields }`). Over the limit: 413
 * problem+json; anything unreadable: 400. Never buffers more than the limit.
 */
export async function readContractUpload(
  request: Request,
  { maxBytes = maxOpenApiBytes() }: { maxBytes?: number } = {},
): Promise<ContractUpload> {
  const bodyLimit = maxBytes + CONTRACT_FORM_OVERHEAD_BYTES
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > bodyLimit) throw tooLarge(maxBytes)
  const type = request.headers.get('content-type')?.toLowerCase() ?? ''
  const body = limitedBody(request, bodyLimit, maxBytes)
  if (type.startsWith('multipart/form-data')) return readMultipart(body, type, maxBytes)
  if (type.startsWith('application/json')) return readJson(body, maxBytes)
  throw new AppError({
    code: 'unsupported_media_type',
    status: 415,
    message: 'Send the contract as multipart/form-data (an "openapi" file) or as JSON ({ "openapi": ... })',
  })
}

function tooLarge(maxBytes: number) {
  return new AppError({
    code: 'contract_too_large',
    status: 413,
    message: tooLargeMessage(maxBytes),
    fieldErrors: { openapi: [tooLargeMessage(maxBytes)] },
    extra: { limit: formatBytes(maxBytes) },
  })
}

/** The request body, erroring as soon as more than `limit` bytes have arrived. */
function limitedBody(request: Request, limit: number, maxBytes: number): Response {
  let seen = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > limit) controller.error(tooLarge(maxBytes))
      else controller.enqueue(chunk)
    },
  })
  const stream = request.body ? request.body.pipeThrough(counter) : null
  return new Response(stream, { headers: { 'content-type': request.headers.get('content-type') ?? '' } })
}

async function readMultipart(body: Response, type: string, maxBytes: number): Promise<ContractUpload> {
  let form: FormData
  try {
    form = await body.formData()
  } catch (error) {
    throw error instanceof AppError ? error : unreadable(type)
  }
  const fields: Record<string, string> = {}
  let openapi: string | null = null
  let fileName: string | null = null
  for (const [key, value] of form.entries()) {
    if (key !== 'openapi') {
      if (typeof value === 'string') fields[key] = value
      continue
    }
    if (typeof value === 'string') openapi = value || null
    else if (value.size > 0) {
      if (value.size > maxBytes) throw tooLarge(maxBytes)
      openapi = await value.text()
      fileName = value.name || null
    }
  }
  return { fields, openapi, fileName }
}

async function readJson(body: Response, maxBytes: number): Promise<ContractUpload> {
  let raw: unknown
  try {
    raw = await body.json()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError({ code: 'invalid_json', status: 400, message: 'The request body is not JSON' })
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw invalid('The body must be a JSON object', { openapi: ['Send { "openapi": ... }'] })
  const fields: Record<string, string> = {}
  let openapi: string | null = null
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'openapi') {
      // A document given as JSON itself is stored as its JSON text.
      openapi = typeof value === 'string' ? value : value == null ? null : JSON.stringify(value)
      if (openapi !== null && Buffer.byteLength(openapi, 'utf8') > maxBytes) throw tooLarge(maxBytes)
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[key] = String(value)
    }
  }
  return { fields, openapi, fileName: null }
}

function unreadable(type: string) {
  return new AppError({
    code: 'invalid_multipart',
    status: 400,
    message: `The upload could not be read as ${type.split(';')[0]}`,
  })
}
