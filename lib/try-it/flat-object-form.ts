import { isRecord } from '@/lib/openapi/list-operations'
import { createRefResolver, type RefResolver } from '@/lib/openapi/ref-resolver'

// A form generated from a flat JSON object schema (every property a string, number, integer,
// boolean or string enum): try-it renders one typed input per property instead of a JSON text
// box. A schema with a nested object or an array is not flat, and try-it keeps the text box.

export type FlatField = {
  name: string
  type: 'string' | 'number' | 'integer' | 'boolean'
  required: boolean
  description: string
  enum?: string[]
  default?: string | number | boolean
  maxLength?: number
}

const MAX_FIELDS = 100

/** The fields of a flat object schema, or null when the schema is not one. */
export function flatFieldsOf(schema: unknown, resolver: RefResolver): FlatField[] | null {
  const object = resolver.resolve(schema).value
  if (!isRecord(object) || object.type !== 'object' || !isRecord(object.properties)) return null
  const required = new Set(Array.isArray(object.required) ? object.required.filter((r) => typeof r === 'string') : [])
  const fields: FlatField[] = []
  for (const [name, node] of Object.entries(object.properties).slice(0, MAX_FIELDS)) {
    const property = resolver.resolve(node).value
    if (!isRecord(property)) return null
    const type = property.type
    if (type !== 'string' && type !== 'number' && type !== 'integer' && type !== 'boolean') return null
    const field: FlatField = {
      name,
      type,
      required: required.has(name),
      description: typeof property.description === 'string' ? property.description : '',
    }
    if (Array.isArray(property.enum)) field.enum = property.enum.filter((v): v is string => typeof v === 'string')
    const fallback = property.default
    if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean')
      field.default = fallback
    if (typeof property.maxLength === 'number') field.maxLength = property.maxLength
    fields.push(field)
  }
  return fields
}

/** What try-it needs for a body of the shape `{"<field>": {flat object}, "stream"?: boolean}`. */
export type WrappedObjectForm = { field: string; fields: FlatField[]; stream: boolean }

/**
 * The generated form of an operation whose JSON body wraps one flat object (a prompt API's
 * `{"variables": {...}, "stream": true}`), read from the contract: null when the body has another shape.
 */
export function wrappedObjectFormOf(document: unknown, path: string, method: string): WrappedObjectForm | null {
  const resolver = createRefResolver(document)
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : null
  const item = paths ? resolver.resolve(paths[path]).value : null
  const operation = isRecord(item) ? item[method] : null
  const requestBody = isRecord(operation) ? resolver.resolve(operation.requestBody).value : null
  const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : null
  const media = content ? content['application/json'] : null
  const body = isRecord(media) ? resolver.resolve(media.schema).value : null
  if (!isRecord(body) || !isRecord(body.properties)) return null
  const objects = Object.entries(body.properties).filter(([name]) => name !== 'stream')
  if (objects.length !== 1) return null
  const [field, schema] = objects[0]
  const fields = flatFieldsOf(schema, resolver)
  if (!fields) return null
  const stream = resolver.resolve(body.properties.stream).value
  return { field, fields, stream: isRecord(stream) && stream.type === 'boolean' }
}
