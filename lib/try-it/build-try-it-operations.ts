import { isRecord, listOperations, schemaType, type MediaType, type Schema } from '@/lib/openapi/list-operations'
import { boundedJson } from '@/lib/openapi/bounded-json'
import { createRefResolver, OpenApiBudgetError, type RefResolver } from '@/lib/openapi/ref-resolver'

// Turns an OpenAPI document (its $refs as written) into the plain, serialisable operation list the
// try-it console (a client component) renders as forms. Examples prefill the fields when the
// author gave them; otherwise a skeleton is sampled from the schema, through its $refs, within a
// small node budget per body, so no schema can make the list large.

export type TryItParameter = {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  description: string
  example: string
}
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
const MAX_SAMPLE_NODES = 200
const MAX_OPERATIONS = 500
const MAX_EXAMPLE_CHARS = 4_000

export function buildTryItOperations(document: unknown): TryItOperation[] {
  const resolver = createRefResolver(document)
  let entries
  try {
    entries = listOperations(document, resolver)
  } catch (error) {
    if (error instanceof OpenApiBudgetError) return []
    throw error
  }
  return entries
    .filter((entry) => entry.method !== 'trace')
    .slice(0, MAX_OPERATIONS)
    .map((entry) => {
      const op = entry.operation
      const parameters = entry.parameters
        // Cookies are the browser's business; the gateway never sees a console session anyway.
        .filter(
          (p): p is typeof p & { in: TryItParameter['in'] } => p.in === 'path' || p.in === 'query' || p.in === 'header',
        )
        .map((p) => ({
          name: p.name,
          in: p.in,
          required: p.in === 'path' || p.required === true,
          description: p.description ?? '',
          example: exampleText(p.example ?? paramExample(resolver.resolve(p.schema).value)),
        }))
      return {
        key: entry.key,
        method: entry.method.toUpperCase(),
        path: entry.path,
        summary: op.summary ?? op.operationId ?? '',
        deprecated: op.deprecated === true,
        parameters,
        body: requestBody(op.requestBody, resolver),
      }
    })
}

function paramExample(schema: unknown): unknown {
  return isRecord(schema) ? (schema.example ?? schema.default) : undefined
}

function requestBody(
  body: { required?: boolean; content?: Record<string, MediaType> } | undefined,
  resolver: RefResolver,
): TryItOperation['body'] {
  if (!body || !isRecord(body.content)) return null
  const types = Object.keys(body.content)
  const contentType = types.find((t) => /json/i.test(t)) ?? types[0]
  if (!contentType) return null
  const media = body.content[contentType] ?? {}
  const firstExample = isRecord(media.examples)
    ? Object.values(media.examples)
        .map((e) => resolver.resolve(e).value)
        .find((e): e is Record<string, unknown> => isRecord(e) && 'value' in e)?.value
    : undefined
  const schema = resolver.resolve(media.schema).value
  const example =
    media.example ??
    firstExample ??
    (isRecord(schema) ? (schema.example ?? sampleFromSchema(schema, 0, resolver)) : undefined)
  return {
    contentType,
    example:
      example === undefined
        ? ''
        : /json/i.test(contentType)
          ? (boundedJson(example, { space: 2, maxChars: MAX_EXAMPLE_CHARS }) ?? '')
          : exampleText(example),
    required: body.required === true,
  }
}

// A prefill too large for a form field is left out: the user writes the body instead.
function exampleText(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'string' ? value : boundedJson(value, { maxChars: MAX_EXAMPLE_CHARS })
  return text === null || text.length > MAX_EXAMPLE_CHARS ? '' : text
}

/** A skeleton value for a schema without an example: enough to show the shape, not a real request. */
export function sampleFromSchema(
  schema: Schema,
  depth: number,
  resolver: RefResolver = createRefResolver({}),
  budget = { left: MAX_SAMPLE_NODES },
): unknown {
  if (depth > MAX_SAMPLE_DEPTH || budget.left-- <= 0) return null
  const sample = (node: unknown) => {
    const resolved = resolver.resolve(node).value
    return isRecord(resolved) ? sampleFromSchema(resolved, depth + 1, resolver, budget) : null
  }
  if ('example' in schema) return schema.example
  if ('default' in schema) return schema.default
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const first = Array.isArray(schema[combinator]) ? (schema[combinator] as unknown[])[0] : undefined
    if (first !== undefined) return sample(first)
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.slice(0, 20).map(sample).filter(isRecord))
  }
  const type = (schemaType(schema) ?? (isRecord(schema.properties) ? 'object' : ''))
    .split('|')
    .find((t) => t !== 'null')
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [name, property] of Object.entries(isRecord(schema.properties) ? schema.properties : {})) {
        if (budget.left <= 0) break
        const resolved = resolver.resolve(property).value
        if (isRecord(resolved) && resolved.readOnly !== true) out[name] = sample(resolved)
      }
      return out
    }
    case 'array':
      return schema.items !== undefined ? [sample(schema.items)] : []
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
