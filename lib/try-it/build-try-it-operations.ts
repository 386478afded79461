import { isRecord, listOperations, schemaType, type MediaType, type Schema } from '@/lib/openapi/list-operations'

// Turns a dereferenced OpenAPI document into the plain, serialisable operation list the try-it
// console (a client component) renders as forms. Examples prefill the fields when the author gave them.

export type TryItParameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; description: string; example: string }
export type TryItOperation = {
  key: string
  method: string
  path: string
  summary: string
  deprecated: boolean
  parameters: TryItParameter[]
  /** null when the operation takes no body. */
  body: { contentType: string; example: string; required: boolean } | null
}

const MAX_SAMPLE_DEPTH = 4

export function buildTryItOperations(document: unknown): TryItOperation[] {
  return listOperations(document)
    .filter((entry) => entry.method !== 'trace')
    .map((entry) => {
      const op = entry.operation
      const parameters = entry.parameters
        // Cookies are the browser's business; the gateway never sees a console session anyway.
        .filter((p): p is typeof p & { in: TryItParameter['in'] } => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.name,
          in: p.in,
          required: p.in === 'path' || p.required === true,
          description: p.description ?? '',
          example: exampleText(p.example ?? (isRecord(p.schema) ? p.schema.example ?? p.schema.default : undefined)),
        }))
      return {
        key: entry.key,
        method: entry.method.toUpperCase(),
        path: entry.path,
        summary: op.summary ?? op.operationId ?? '',
        deprecated: op.deprecated === true,
        parameters,
        body: requestBody(op.requestBody),
      }
    })
}

function requestBody(body: { required?: boolean; content?: Record<string, MediaType> } | undefined): TryItOperation['body'] {
  if (!body || !isRecord(body.content)) return null
  const types = Object.keys(body.content)
  const contentType = types.find((t) => /json/i.test(t)) ?? types[0]
  if (!contentType) return null
  const media = body.content[contentType] ?? {}
  const firstExample = isRecord(media.examples) ? Object.values(media.examples).find((e) => isRecord(e) && 'value' in e)?.value : undefined
  const example = media.example ?? firstExample ?? (isRecord(media.schema) ? media.schema.example ?? sampleFromSchema(media.schema, 0) : undefined)
  return { contentType, example: example === undefined ? '' : /json/i.test(contentType) ? JSON.stringify(example, null, 2) : exampleText(example), required: body.required === true }
}

function exampleText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** A skeleton value for a schema without an example: enough to show the shape, not a real request. */
export function sampleFromSchema(schema: Schema, depth: number): unknown {
  if (depth > MAX_SAMPLE_DEPTH || schema['x-circular-ref']) return null
  if ('example' in schema) return schema.example
  if ('default' in schema) return schema.default
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const first = Array.isArray(schema[combinator]) ? (schema[combinator] as unknown[])[0] : undefined
    if (isRecord(first)) return sampleFromSchema(first, depth + 1)
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.filter(isRecord).map((part) => sampleFromSchema(part, depth + 1)).filter(isRecord))
  }
  const type = (schemaType(schema) ?? (isRecord(schema.properties) ? 'object' : '')).split('|').find((t) => t !== 'null')
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [name, property] of Object.entries(isRecord(schema.properties) ? schema.properties : {})) {
        if (isRecord(property) && property.readOnly !== true) out[name] = sampleFromSchema(property, depth + 1)
      }
      return out
    }
    case 'array':
      return isRecord(schema.items) ? [sampleFromSchema(schema.items, depth + 1)] : []
    case 'string':
      return schema.format === 'date-time' ? '2026-01-01T00:00:00Z' : schema.format === 'date' ? '2026-01-01' : 'string'
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0
    case 'boolean':
      return false
    default:
      return null
  }
}
