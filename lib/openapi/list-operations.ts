// Walks a $ref-resolved OpenAPI document operation by operation; shared by the diff and the renderer.
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export type Schema = Record<string, unknown>
export type Parameter = { name: string; in: string; required?: boolean; description?: string; deprecated?: boolean; schema?: Schema; example?: unknown }
export type MediaType = { schema?: Schema; example?: unknown; examples?: Record<string, { summary?: string; value?: unknown }> }
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
  operation: Operation
  /** Path-level and operation-level parameters merged; the operation wins on (name, in). */
  parameters: Parameter[]
}

export function listOperations(document: unknown): OperationEntry[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {}
  const entries: OperationEntry[] = []
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!isRecord(rawItem)) continue
    const shared = asParameters(rawItem.parameters)
    for (const method of HTTP_METHODS) {
      const operation = rawItem[method]
      if (!isRecord(operation)) continue
      const own = asParameters(operation.parameters)
      const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own]
      entries.push({ method, path, key: `${method.toUpperCase()} ${path}`, operation: operation as Operation, parameters: merged })
    }
  }
  return entries
}

function asParameters(value: unknown): Parameter[] {
  return Array.isArray(value) ? value.filter((p): p is Parameter => isRecord(p) && typeof p.name === 'string' && typeof p.in === 'string') : []
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A short, human type name for a schema: "string", "array<Pet>", "integer(int64)", "object". */
export function describeType(schema: unknown): string {
  if (!isRecord(schema)) return 'any'
  if (schema['x-circular-ref']) return String(schema.$ref ?? '').split('/').pop() || 'circular'
  const type = schemaType(schema)
  if (type === 'array') return `array<${describeType(schema.items)}>`
  if (type) return typeof schema.format === 'string' ? `${type}(${schema.format})` : type
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = schema[combinator]
    if (Array.isArray(parts)) return parts.map(describeType).join(combinator === 'allOf' ? ' & ' : ' | ')
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
