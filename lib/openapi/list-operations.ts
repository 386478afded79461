import { createRefResolver, localRef, refName, type RefResolver } from './ref-resolver'

// Walks an OpenAPI document operation by operation, shared by the diff, the reference page and
// try-it. Path items, parameters, request bodies and responses given by $ref are resolved here
// (they never nest into each other); schemas keep their $refs, for each reader to follow its own way.
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export type Schema = Record<string, unknown>
export type Parameter = {
  name: string
  in: string
  required?: boolean
  description?: string
  deprecated?: boolean
  schema?: Schema
  example?: unknown
}
export type MediaType = {
  schema?: Schema
  example?: unknown
  examples?: Record<string, { summary?: string; value?: unknown }>
}
export type RequestBody = { description?: string; required?: boolean; content?: Record<string, MediaType> }
export type Response = { description?: string; content?: Record<string, MediaType> }
export type Operation = {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  deprecated?: boolean
  parameters?: Parameter[]
  requestBody?: RequestBody
  responses?: Record<string, Response>
}

export type OperationEntry = {
  method: HttpMethod
  path: string
  /** "GET /pets": how people talk about an operation. */
  key: string
  /** The operation with its request body and responses resolved (their schemas may still be $refs). */
  operation: Operation
  /** Path-level and operation-level parameters merged and resolved; the operation wins on (name, in). */
  parameters: Parameter[]
}

export function listOperations(
  document: unknown,
  resolver: RefResolver = createRefResolver(document),
): OperationEntry[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {}
  const entries: OperationEntry[] = []
  for (const [path, rawItem] of Object.entries(paths)) {
    resolver.spend()
    const item = resolver.resolve(rawItem).value
    if (!isRecord(item)) continue
    const shared = asParameters(item.parameters, resolver)
    for (const method of HTTP_METHODS) {
      const raw = item[method]
      if (!isRecord(raw)) continue
      resolver.spend()
      const own = asParameters(raw.parameters, resolver)
      const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own]
      entries.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        operation: resolveOperation(raw, resolver),
        parameters: merged,
      })
    }
  }
  return entries
}

function resolveOperation(raw: Record<string, unknown>, resolver: RefResolver): Operation {
  const operation = { ...raw } as Operation & Record<string, unknown>
  const body = resolver.resolve(raw.requestBody).value
  operation.requestBody = isRecord(body) ? (body as RequestBody) : undefined
  if (isRecord(raw.responses)) {
    const responses: Record<string, Response> = {}
    for (const [status, response] of Object.entries(raw.responses)) {
      resolver.spend()
      const resolved = resolver.resolve(response)
      if (isRecord(resolved.value)) responses[status] = resolved.value as Response
    }
    operation.responses = responses
  } else {
    operation.responses = undefined
  }
  operation.tags = Array.isArray(raw.tags)
    ? raw.tags.filter((tag): tag is string => typeof tag === 'string')
    : undefined
  return operation
}

function asParameters(value: unknown, resolver: RefResolver): Parameter[] {
  if (!Array.isArray(value)) return []
  const out: Parameter[] = []
  for (const entry of value) {
    resolver.spend()
    const p = resolver.resolve(entry).value
    if (isRecord(p) && typeof p.name === 'string' && typeof p.in === 'string') out.push(p as Parameter)
  }
  return out
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * A short, human type name for a schema: "string", "array<Pet>", "integer(int64)", "object". A
 * reference is named, never looked into, so this costs the same for any document.
 */
export function describeType(schema: unknown, depth = 0): string {
  const ref = localRef(schema)
  if (ref) return refName(ref)
  if (!isRecord(schema) || depth > 4) return 'any'
  const type = schemaType(schema)
  if (type === 'array') return `array<${describeType(schema.items, depth + 1)}>`
  if (type) return typeof schema.format === 'string' ? `${type}(${schema.format})` : type
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[combinator]
    if (Array.isArray(parts))
      return parts
        .slice(0, 8)
        .map((part) => describeType(part, depth + 1))
        .join(combinator === 'allOf' ? ' & ' : ' | ')
  }
  if (isRecord(schema.properties)) return 'object'
  return 'any'
}

/** The schema's type as one string; 3.1's `type: ["string", "null"]` becomes "string|null". */
export function schemaType(schema: Schema): string | undefined {
  const type = schema.type
  if (Array.isArray(type)) return [...type].map(String).sort().join('|')
  if (typeof type === 'string') return schema.nullable === true ? [type, 'null'].sort().join('|') : type
  return undefined
}
