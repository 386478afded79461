import { escapePointerToken } from './json-pointer.mjs'
import { isRecord, schemaType } from './list-operations'
import { OpenApiBudgetError, type RefResolver } from './ref-resolver'

// Schema comparison for the diff, in two steps so a reference bomb costs linear work:
// 1. compareSchemas builds a Delta per pair of (resolved) schemas, memoised by the pair of
//    objects compared: a component used a thousand times, or reached a million ways through
//    other components, is compared once per counterpart. A pair met again while it is being
//    compared (a recursive schema) is the same Delta, so recursion simply closes the loop.
// 2. emitDelta turns one Delta into changes at a use site, visiting each Delta once per site:
//    a change inside a shared component is listed once per operation, at the first field path
//    that reaches it, never once per path.

export type Side = 'request' | 'response'
export type SchemaChangeKind =
  | 'request-field-added'
  | 'required-request-field-added'
  | 'request-field-became-required'
  | 'request-field-removed'
  | 'request-field-type-changed'
  | 'request-field-enum-narrowed'
  | 'response-field-added'
  | 'response-field-removed'
  | 'response-field-type-changed'

type LocalChange = { kind: SchemaChangeKind; breaking: boolean; from?: string; to?: string }
type Entry = { field: string; location: string; change?: LocalChange; delta?: Delta }
export type Delta = { entries: Entry[] }

export type CompareContext = {
  before: RefResolver
  after: RefResolver
  memo: Record<Side, Map<object, Map<object, Delta>>>
}

export function compareContext(before: RefResolver, after: RefResolver): CompareContext {
  return { before, after, memo: { request: new Map(), response: new Map() } }
}

const EMPTY: Delta = { entries: [] }
/** Nested schema pairs one comparison may descend through; deeper means "too complex". */
const MAX_COMPARE_DEPTH = 64

export function compareSchemas(
  ctx: CompareContext,
  beforeNode: unknown,
  afterNode: unknown,
  side: Side,
  depth = 0,
): Delta {
  ctx.before.spend()
  if (depth > MAX_COMPARE_DEPTH) throw new OpenApiBudgetError(MAX_COMPARE_DEPTH)
  const before = ctx.before.resolve(beforeNode).value
  const after = ctx.after.resolve(afterNode).value
  if (!isRecord(before) || !isRecord(after)) return EMPTY
  let byAfter = ctx.memo[side].get(before)
  if (!byAfter) ctx.memo[side].set(before, (byAfter = new Map()))
  const known = byAfter.get(after)
  if (known) return known
  const delta: Delta = { entries: [] }
  byAfter.set(after, delta)

  const [oldType, newType] = [typeOf(before), typeOf(after)]
  if (oldType && newType && oldType !== newType) {
    const compatible = side === 'request' ? widens(oldType, newType) : widens(newType, oldType)
    if (!compatible) {
      delta.entries.push({
        field: '',
        location: '',
        change: {
          kind: side === 'request' ? 'request-field-type-changed' : 'response-field-type-changed',
          breaking: true,
          from: oldType,
          to: newType,
        },
      })
      return delta
    }
  }
  // A request value the old enum allowed and the new one refuses breaks the clients that send it.
  if (side === 'request') {
    const dropped = droppedEnumValues(before.enum, after.enum)
    if (dropped.length > 0) {
      delta.entries.push({
        field: '',
        location: '/enum',
        change: { kind: 'request-field-enum-narrowed', breaking: true, from: dropped.join(', ') },
      })
    }
  }
  const oldItems = ctx.before.resolve(before.items).value
  const newItems = ctx.after.resolve(after.items).value
  if (isRecord(oldItems) && isRecord(newItems))
    child(delta, '[]', '/items', compareSchemas(ctx, before.items, after.items, side, depth + 1))

  const oldProps = isRecord(before.properties) ? before.properties : {}
  const newProps = isRecord(after.properties) ? after.properties : {}
  const oldRequired = new Set(Array.isArray(before.required) ? before.required.map(String) : [])
  const newRequired = new Set(Array.isArray(after.required) ? after.required.map(String) : [])
  for (const [prop, schema] of Object.entries(newProps)) {
    ctx.after.spend()
    const field = `.${prop}`
    const location = `/properties/${escapePointerToken(prop)}`
    const old = oldProps[prop]
    if (old === undefined) {
      const kind =
        side === 'response'
          ? 'response-field-added'
          : newRequired.has(prop)
            ? 'required-request-field-added'
            : 'request-field-added'
      delta.entries.push({ field, location, change: { kind, breaking: kind === 'required-request-field-added' } })
      continue
    }
    if (side === 'request' && newRequired.has(prop) && !oldRequired.has(prop)) {
      delta.entries.push({ field, location, change: { kind: 'request-field-became-required', breaking: true } })
    }
    child(delta, field, location, compareSchemas(ctx, old, schema, side, depth + 1))
  }
  // A removed request field is harmless while unknown fields are ignored; a schema that now
  // forbids additional properties refuses every request still sending it.
  const closed = after.additionalProperties === false
  for (const prop of Object.keys(oldProps)) {
    if (prop in newProps) continue
    ctx.before.spend()
    const change: LocalChange =
      side === 'response'
        ? { kind: 'response-field-removed', breaking: true }
        : { kind: 'request-field-removed', breaking: closed }
    delta.entries.push({ field: `.${prop}`, location: `/properties/${escapePointerToken(prop)}`, change })
  }
  return delta
}

/** Values of the old enum the new one no longer allows; a new enum where there was none drops "every other value". */
function droppedEnumValues(before: unknown, after: unknown): string[] {
  if (!Array.isArray(after)) return []
  const kept = new Set(after.map((v) => JSON.stringify(v)))
  if (!Array.isArray(before)) return ['any value outside the new list']
  return before.map((v) => JSON.stringify(v)).filter((v) => !kept.has(v))
}

function child(delta: Delta, field: string, location: string, nested: Delta) {
  // A nested Delta may still be filling (a recursive schema), so keep it even when empty so far.
  if (nested !== EMPTY) delta.entries.push({ field, location, delta: nested })
}

export type EmittedChange = { kind: SchemaChangeKind; breaking: boolean; location: string; message: string }

/** The changes of `delta` at one use site, in document order; each Delta is visited once here. */
export function emitDelta(
  root: Delta,
  site: { location: string; where: string },
  spend: () => void,
  emit: (change: EmittedChange) => void,
) {
  const visited = new Set<Delta>()
  const stack: Array<{ delta: Delta; field: string; location: string; index: number }> = [
    { delta: root, field: '', location: site.location, index: 0 },
  ]
  visited.add(root)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    const entry = frame.delta.entries[frame.index++]
    if (!entry) {
      stack.pop()
      continue
    }
    spend()
    const field = frame.field + entry.field
    const location = frame.location + entry.location
    if (entry.delta) {
      if (!visited.has(entry.delta)) {
        visited.add(entry.delta)
        stack.push({ delta: entry.delta, field, location, index: 0 })
      }
      continue
    }
    const change = entry.change!
    emit({
      kind: change.kind,
      breaking: change.breaking,
      location,
      message: describe(change, field.replace(/^\./, ''), site.where),
    })
  }
}

function describe(change: LocalChange, field: string, where: string): string {
  const name = field || '(body)'
  switch (change.kind) {
    case 'request-field-type-changed':
    case 'response-field-type-changed':
      return `Field \`${name}\`${where} changed type from ${change.from} to ${change.to}`
    case 'required-request-field-added':
      return `New required field \`${name}\`${where}`
    case 'request-field-added':
      return `New optional field \`${name}\`${where}`
    case 'response-field-added':
      return `New field \`${name}\`${where}`
    case 'request-field-became-required':
      return `Field \`${name}\`${where} is now required`
    case 'response-field-removed':
      return `Field \`${name}\` was removed${where}`
    case 'request-field-removed':
      return `Field \`${name}\` is no longer accepted${where}`
    case 'request-field-enum-narrowed':
      return `Field \`${name}\`${where} no longer accepts ${change.from}`
  }
}

export function typeOf(schema: unknown): string | undefined {
  return isRecord(schema) ? schemaType(schema) : undefined
}

// A value valid for `narrow` is also valid for `wide`: integer → number, or a type gaining null.
export function widens(narrow: string, wide: string): boolean {
  const a = new Set(narrow.split('|'))
  const b = new Set(wide.split('|'))
  if (a.has('integer') && b.has('number')) a.delete('integer')
  return [...a].every((t) => b.has(t))
}
