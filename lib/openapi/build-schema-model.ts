import { boundedJson } from './bounded-json'
import { isRecord, schemaType } from './list-operations'
import { localRef, refName, type RefResolver } from './ref-resolver'

// What the reference page shows of one schema, as plain data. A $ref is never expanded where it
// is used: it becomes a link to the schema's one rendering in the page's "Schemas" section
// (build-api-reference.ts), so a component used a million ways is still printed once, and a
// recursive schema is a link to itself. Inline schemas are shown to MAX_INLINE_DEPTH levels, and
// the whole page draws from one node budget, so the page's size is bounded for any document.

/** `ref` is the local reference itself, which the page fetches the schema's detail by. */
export type SchemaRef = { name: string; ref: string; anchor: string | null; circular: boolean }
export type PropertyModel = { name: string; required: boolean; schema: SchemaModel }
export type SchemaModel = {
  /** Set when the schema is a reference: render a link, nothing else. */
  ref?: SchemaRef
  /** "object", "integer(int64)", "string|null"; empty for references and combinators. */
  type: string
  items?: SchemaModel
  variants?: { combinator: 'oneOf' | 'anyOf' | 'allOf'; parts: SchemaModel[] }
  description?: string
  deprecated?: boolean
  enumValues?: string[]
  properties?: PropertyModel[]
  /** Properties (or enum values) past the per-schema cap, counted but not shown. */
  hidden?: number
  /** Not shown further: nested too deep or the page's budget ran out. */
  truncated?: boolean
}

const MAX_INLINE_DEPTH = 8
const MAX_PROPERTIES = 200
const MAX_ENUM_VALUES = 20
const MAX_VARIANTS = 20

export type NodeBudget = { left: number }

/** Where a reference's one rendering lives on the page. */
export function schemaAnchor(ref: string): string {
  const name = isComponentSchema(ref) ? refName(ref) : `ref${ref.replace(/^#/, '')}`
  return `schema-${name.replace(/[^A-Za-z0-9._-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`
}

/** "#/components/schemas/Pet": an entry the Schemas section lists anyway. */
export function isComponentSchema(ref: string): boolean {
  return /^#\/components\/schemas\/[^/]+$/.test(ref)
}

export type SchemaModelBuilder = {
  build(node: unknown, owner?: string | null): SchemaModel
  /** References met that are not components/schemas entries, to render once as well. */
  readonly otherTargets: Map<string, string>
}

export function createSchemaModelBuilder(resolver: RefResolver, budget: NodeBudget): SchemaModelBuilder {
  const otherTargets = new Map<string, string>()

  const build = (node: unknown, owner: string | null, depth: number): SchemaModel => {
    resolver.spend()
    if (budget.left <= 0) return { type: '', truncated: true }
    budget.left--
    const ref = localRef(node)
    if (ref) {
      const { broken, siblings } = resolver.resolve(node)
      const anchor = broken ? null : schemaAnchor(ref)
      if (anchor && !isComponentSchema(ref)) otherTargets.set(ref, anchor)
      const description = typeof siblings?.description === 'string' ? siblings.description : undefined
      return { ref: { name: refName(ref), ref, anchor, circular: ref === owner }, type: '', description }
    }
    if (!isRecord(node)) return { type: node === false ? 'never' : 'any' }
    const model: SchemaModel = { type: typeText(node) }
    if (typeof node.description === 'string') model.description = node.description
    if (node.deprecated === true) model.deprecated = true
    if (Array.isArray(node.enum)) {
      model.enumValues = node.enum.slice(0, MAX_ENUM_VALUES).map(shortJson)
      if (node.enum.length > MAX_ENUM_VALUES) model.hidden = node.enum.length - MAX_ENUM_VALUES
    }
    if (depth >= MAX_INLINE_DEPTH) return { ...model, truncated: true }
    if (node.items !== undefined && (model.type === 'array' || model.type.startsWith('array|') || model.type === '')) {
      model.items = build(node.items, owner, depth + 1)
      if (!model.type) model.type = 'array'
    }
    for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
      const parts = node[combinator]
      if (!Array.isArray(parts) || model.variants) continue
      model.variants = { combinator, parts: parts.slice(0, MAX_VARIANTS).map((part) => build(part, owner, depth + 1)) }
    }
    if (isRecord(node.properties)) {
      const required = new Set(Array.isArray(node.required) ? node.required.map(String) : [])
      const entries = Object.entries(node.properties)
      model.properties = entries
        .slice(0, MAX_PROPERTIES)
        .map(([name, property]) => ({ name, required: required.has(name), schema: build(property, owner, depth + 1) }))
      if (entries.length > MAX_PROPERTIES) model.hidden = (model.hidden ?? 0) + entries.length - MAX_PROPERTIES
      if (!model.type) model.type = 'object'
    }
    if (!model.type && !model.variants) model.type = 'any'
    return model
  }

  return { build: (node, owner = null) => build(node, owner, 0), otherTargets }
}

function typeText(schema: Record<string, unknown>): string {
  const type = schemaType(schema)
  if (!type) return ''
  return typeof schema.format === 'string' && type !== 'array' ? `${type}(${schema.format})` : type
}

/** An enum value as the reader would write it, cut short if long. */
function shortJson(value: unknown): string {
  const text = boundedJson(value, { maxChars: 2_000, maxNodes: 200 }) ?? '…'
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

const MAX_EXAMPLE_CHARS = 10_000

/** An example as text, bounded however large or (YAML-alias) shared the value is. */
export function exampleText(value: unknown): string {
  const text = typeof value === 'string' ? value : boundedJson(value, { space: 2, maxChars: 4 * MAX_EXAMPLE_CHARS })
  if (text === null) return '(This example is too large to show.)'
  return text.length > MAX_EXAMPLE_CHARS ? `${text.slice(0, MAX_EXAMPLE_CHARS)}\n… (cut short)` : text
}
