import { escapePointerToken } from './json-pointer'
import { isRecord, listOperations, schemaType, type MediaType, type OperationEntry, type Schema } from './list-operations'
import { resolveRefs } from './resolve-refs'

export type ChangeKind =
  | 'path-added' | 'path-removed'
  | 'operation-added' | 'operation-removed'
  | 'parameter-added' | 'required-parameter-added' | 'parameter-removed' | 'parameter-became-required' | 'parameter-type-changed'
  | 'request-body-became-required' | 'request-field-added' | 'required-request-field-added' | 'request-field-became-required'
  | 'request-field-removed' | 'request-field-type-changed'
  | 'response-removed' | 'response-added' | 'response-media-type-removed'
  | 'response-field-added' | 'response-field-removed' | 'response-field-type-changed'

export type OpenApiChange = {
  kind: ChangeKind
  breaking: boolean
  /** "GET /pets", or just "/pets" for path-level changes. */
  path: string
  /** JSON pointer into the newer document (or the older one for removals). */
  location: string
  message: string
}

type Context = { changes: OpenApiChange[]; operation: string }

/**
 * The changes a client of `before` would notice in `after`. Breaking means a client that worked
 * against `before` can fail against `after`: something it calls or reads is gone or changed type,
 * or something it never sent is now required. Both documents may still contain $refs.
 */
export function diffOpenApi(beforeDocument: unknown, afterDocument: unknown): OpenApiChange[] {
  const before = resolveRefs(beforeDocument)
  const after = resolveRefs(afterDocument)
  const changes: OpenApiChange[] = []
  const beforeOps = groupByPath(listOperations(before))
  const afterOps = groupByPath(listOperations(after))

  for (const [path, ops] of beforeOps) {
    const pathPointer = `/paths/${escapePointerToken(path)}`
    const nextOps = afterOps.get(path)
    if (!nextOps) {
      changes.push({ kind: 'path-removed', breaking: true, path, location: pathPointer, message: `Path ${path} was removed (${ops.map((o) => o.method.toUpperCase()).join(', ')})` })
      continue
    }
    for (const op of ops) {
      const next = nextOps.find((candidate) => candidate.method === op.method)
      if (!next) {
        changes.push({ kind: 'operation-removed', breaking: true, path: op.key, location: `${pathPointer}/${op.method}`, message: `Operation ${op.key} was removed` })
        continue
      }
      diffOperation(op, next, { changes, operation: op.key })
    }
    for (const op of nextOps) {
      if (!ops.some((candidate) => candidate.method === op.method)) {
        changes.push({ kind: 'operation-added', breaking: false, path: op.key, location: `${pathPointer}/${op.method}`, message: `Operation ${op.key} was added` })
      }
    }
  }
  for (const [path, ops] of afterOps) {
    if (!beforeOps.has(path)) {
      changes.push({ kind: 'path-added', breaking: false, path, location: `/paths/${escapePointerToken(path)}`, message: `Path ${path} was added (${ops.map((o) => o.method.toUpperCase()).join(', ')})` })
    }
  }
  return changes
}

export function hasBreakingChanges(changes: OpenApiChange[]): boolean {
  return changes.some((change) => change.breaking)
}

function groupByPath(operations: OperationEntry[]): Map<string, OperationEntry[]> {
  const map = new Map<string, OperationEntry[]>()
  for (const op of operations) map.set(op.path, [...(map.get(op.path) ?? []), op])
  return map
}

function diffOperation(before: OperationEntry, after: OperationEntry, ctx: Context) {
  const base = `/paths/${escapePointerToken(after.path)}/${after.method}`
  const push = (kind: ChangeKind, breaking: boolean, location: string, message: string) =>
    ctx.changes.push({ kind, breaking, path: ctx.operation, location, message })

  // Parameters are identified by (name, in): a header "id" and a query "id" are different things.
  for (const param of after.parameters) {
    const old = before.parameters.find((p) => p.name === param.name && p.in === param.in)
    const label = `${param.in} parameter \`${param.name}\``
    const location = `${base}/parameters/${param.in}:${param.name}`
    if (!old) {
      if (param.required) push('required-parameter-added', true, location, `New required ${label}`)
      else push('parameter-added', false, location, `New optional ${label}`)
      continue
    }
    if (param.required && !old.required) push('parameter-became-required', true, location, `The ${label} is now required`)
    const [oldType, newType] = [typeOf(old.schema), typeOf(param.schema)]
    if (oldType && newType && oldType !== newType && !widens(oldType, newType)) {
      push('parameter-type-changed', true, location, `The ${label} changed type from ${oldType} to ${newType}`)
    }
  }
  for (const old of before.parameters) {
    if (!after.parameters.some((p) => p.name === old.name && p.in === old.in)) {
      push('parameter-removed', false, `${base}/parameters/${old.in}:${old.name}`, `The ${old.in} parameter \`${old.name}\` was removed`)
    }
  }

  const oldBody = before.operation.requestBody
  const newBody = after.operation.requestBody
  if (newBody?.required && !oldBody?.required) push('request-body-became-required', true, `${base}/requestBody`, 'A request body is now required')
  for (const [mediaType, media] of Object.entries(newBody?.content ?? {})) {
    const oldMedia = oldBody?.content?.[mediaType]
    if (!oldMedia?.schema || !media.schema) continue
    diffSchema(oldMedia.schema, media.schema, 'request', `${base}/requestBody/content/${escapePointerToken(mediaType)}/schema`, '', push)
  }

  for (const [status, response] of Object.entries(before.operation.responses ?? {})) {
    if (!/^2/.test(status)) continue
    const next = after.operation.responses?.[status]
    const location = `${base}/responses/${status}`
    if (!next) {
      push('response-removed', true, location, `The ${status} response was removed`)
      continue
    }
    for (const [mediaType, media] of Object.entries(response.content ?? {}) as Array<[string, MediaType]>) {
      const nextMedia = next.content?.[mediaType]
      const mediaLocation = `${location}/content/${escapePointerToken(mediaType)}`
      if (!nextMedia) {
        push('response-media-type-removed', true, mediaLocation, `The ${status} response no longer returns ${mediaType}`)
        continue
      }
      if (media.schema && nextMedia.schema) diffSchema(media.schema, nextMedia.schema, 'response', `${mediaLocation}/schema`, '', push, status)
    }
  }
  for (const status of Object.keys(after.operation.responses ?? {})) {
    if (/^2/.test(status) && !before.operation.responses?.[status]) push('response-added', false, `${base}/responses/${status}`, `A ${status} response was added`)
  }
}

type Push = (kind: ChangeKind, breaking: boolean, location: string, message: string) => void

const MAX_SCHEMA_DEPTH = 12

/** Compares two schemas as seen from one side of the wire; `field` is a dotted path for messages. */
function diffSchema(before: Schema, after: Schema, side: 'request' | 'response', location: string, field: string, push: Push, status?: string, depth = 0) {
  if (depth > MAX_SCHEMA_DEPTH) return
  const where = side === 'response' ? ` in the ${status} response` : ' in the request body'
  const name = field || '(body)'
  const [oldType, newType] = [typeOf(before), typeOf(after)]
  if (oldType && newType && oldType !== newType) {
    const compatible = side === 'request' ? widens(oldType, newType) : widens(newType, oldType)
    if (!compatible) {
      push(side === 'request' ? 'request-field-type-changed' : 'response-field-type-changed', true, location, `Field \`${name}\`${where} changed type from ${oldType} to ${newType}`)
      return
    }
  }
  if (isRecord(before.items) && isRecord(after.items)) {
    diffSchema(before.items, after.items, side, `${location}/items`, `${field}[]`, push, status, depth + 1)
  }
  const oldProps = isRecord(before.properties) ? before.properties : {}
  const newProps = isRecord(after.properties) ? after.properties : {}
  const oldRequired = new Set(Array.isArray(before.required) ? before.required.map(String) : [])
  const newRequired = new Set(Array.isArray(after.required) ? after.required.map(String) : [])
  for (const [prop, schema] of Object.entries(newProps)) {
    const propField = field ? `${field}.${prop}` : prop
    const propLocation = `${location}/properties/${escapePointerToken(prop)}`
    const old = oldProps[prop]
    if (old === undefined) {
      if (side === 'request' && newRequired.has(prop)) push('required-request-field-added', true, propLocation, `New required field \`${propField}\`${where}`)
      else push(side === 'request' ? 'request-field-added' : 'response-field-added', false, propLocation, `New ${side === 'request' ? 'optional ' : ''}field \`${propField}\`${where}`)
      continue
    }
    if (side === 'request' && newRequired.has(prop) && !oldRequired.has(prop)) {
      push('request-field-became-required', true, propLocation, `Field \`${propField}\`${where} is now required`)
    }
    if (isRecord(old) && isRecord(schema)) diffSchema(old, schema, side, propLocation, propField, push, status, depth + 1)
  }
  for (const prop of Object.keys(oldProps)) {
    if (prop in newProps) continue
    const propField = field ? `${field}.${prop}` : prop
    const propLocation = `${location}/properties/${escapePointerToken(prop)}`
    if (side === 'response') push('response-field-removed', true, propLocation, `Field \`${propField}\` was removed${where}`)
    else push('request-field-removed', false, propLocation, `Field \`${propField}\` is no longer accepted${where}`)
  }
}

function typeOf(schema: unknown): string | undefined {
  return isRecord(schema) ? schemaType(schema) : undefined
}

// A value valid for `narrow` is also valid for `wide`: integer → number, or a type gaining null.
function widens(narrow: string, wide: string): boolean {
  const a = new Set(narrow.split('|'))
  const b = new Set(wide.split('|'))
  if (a.has('integer') && b.has('number')) a.delete('integer')
  return [...a].every((t) => b.has(t))
}
