import {
  createSchemaModelBuilder,
  exampleText,
  schemaAnchor,
  type NodeBudget,
  type SchemaModel,
  type SchemaModelBuilder,
} from './build-schema-model'
import { escapePointerToken } from './json-pointer.mjs'
import { isRecord, listOperations, type MediaType, type OperationEntry } from './list-operations'
import { createRefResolver, OpenApiBudgetError, type RefResolver } from './ref-resolver'

// The reference page of one contract as plain, serialisable data: operations grouped by tag, and
// every schema that is referenced rendered once, by name, in a "Schemas" section. Built straight
// from the document as written ($refs resolved on the way, never inlined), under a node budget,
// so what a page view costs is bounded whatever the document holds.

export type MediaModel = { mediaType: string; schema?: SchemaModel; examples: Array<{ label: string; text: string }> }
export type ParameterModel = {
  name: string
  in: string
  required: boolean
  deprecated: boolean
  description?: string
  schema: SchemaModel
}
export type OperationModel = {
  key: string
  method: string
  path: string
  anchor: string
  summary?: string
  description?: string
  deprecated: boolean
  parameters: ParameterModel[]
  requestBody?: { required: boolean; description?: string; content: MediaModel[] }
  responses: Array<{ status: string; description?: string; content: MediaModel[] }>
  /** Listed, but its details did not fit in the page's budget. */
  truncated?: boolean
}
export type SchemaEntry = { name: string; anchor: string; pointer: string; schema: SchemaModel }
export type ApiReferenceModel = {
  title: string
  version: string
  description?: string
  servers: string[]
  groups: Array<{ tag: string; description?: string; operations: OperationModel[] }>
  schemas: SchemaEntry[]
  /** Operations and schemas left out because the page's budget ran out. */
  hiddenOperations: number
  hiddenSchemas: number
}

const UNTAGGED = 'Other'
/** Schema nodes, parameters and responses one page may show. */
export const PAGE_NODE_BUDGET = 20_000
const MAX_OPERATIONS = 2_000
const MAX_SCHEMAS = 2_000

export function buildApiReference(document: unknown, nodeBudget = PAGE_NODE_BUDGET): ApiReferenceModel {
  const root = isRecord(document) ? document : {}
  const info = isRecord(root.info) ? root.info : {}
  const model: ApiReferenceModel = {
    title: typeof info.title === 'string' && info.title ? info.title : 'Untitled API',
    version: typeof info.version === 'string' ? info.version : String(info.version ?? ''),
    description: typeof info.description === 'string' ? info.description : undefined,
    servers: Array.isArray(root.servers)
      ? root.servers
          .filter(isRecord)
          .map((s) => String(s.url ?? ''))
          .filter(Boolean)
          .slice(0, 20)
      : [],
    groups: [],
    schemas: [],
    hiddenOperations: 0,
    hiddenSchemas: 0,
  }
  const resolver = createRefResolver(root)
  const budget: NodeBudget = { left: nodeBudget }
  const schemas = createSchemaModelBuilder(resolver, budget)
  let operations: OperationEntry[] = []
  try {
    operations = listOperations(root, resolver)
  } catch (error) {
    if (!(error instanceof OpenApiBudgetError)) throw error
  }
  model.hiddenOperations = Math.max(0, operations.length - MAX_OPERATIONS)
  const shown = operations.slice(0, MAX_OPERATIONS).map((entry) => operationModel(entry, schemas, resolver, budget))
  model.groups = groupByTag(root, shown, operations.slice(0, MAX_OPERATIONS))
  addSchemas(model, root, schemas, resolver)
  return model
}

function operationModel(
  entry: OperationEntry,
  schemas: SchemaModelBuilder,
  resolver: RefResolver,
  budget: NodeBudget,
): OperationModel {
  const { operation } = entry
  const model: OperationModel = {
    key: entry.key,
    method: entry.method,
    path: entry.path,
    anchor: typeof operation.operationId === 'string' ? operation.operationId : `${entry.method}-${entry.path}`,
    summary: typeof operation.summary === 'string' ? operation.summary : undefined,
    description: typeof operation.description === 'string' ? operation.description : undefined,
    deprecated: operation.deprecated === true,
    parameters: [],
    responses: [],
  }
  if (budget.left <= 0) return { ...model, truncated: true }
  try {
    model.parameters = entry.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
      deprecated: p.deprecated === true,
      description: typeof p.description === 'string' ? p.description : undefined,
      schema: schemas.build(p.schema),
    }))
    const body = operation.requestBody
    if (isRecord(body?.content)) {
      model.requestBody = {
        required: body.required === true,
        description: typeof body.description === 'string' ? body.description : undefined,
        content: mediaModels(body.content, schemas, resolver),
      }
    }
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      budget.left--
      model.responses.push({
        status,
        description: typeof response.description === 'string' ? response.description : undefined,
        content: isRecord(response.content) ? mediaModels(response.content, schemas, resolver) : [],
      })
    }
  } catch (error) {
    if (!(error instanceof OpenApiBudgetError)) throw error
    return { ...model, truncated: true }
  }
  return model
}

function mediaModels(
  content: Record<string, unknown>,
  schemas: SchemaModelBuilder,
  resolver: RefResolver,
): MediaModel[] {
  return Object.entries(content).map(([mediaType, raw]) => {
    const media = (isRecord(raw) ? raw : {}) as MediaType
    const examples: MediaModel['examples'] = []
    if (media.example !== undefined) examples.push({ label: 'Example', text: exampleText(media.example) })
    for (const [name, rawExample] of Object.entries(isRecord(media.examples) ? media.examples : {})) {
      const example = resolver.resolve(rawExample).value
      if (isRecord(example) && 'value' in example)
        examples.push({
          label: typeof example.summary === 'string' ? example.summary : name,
          text: exampleText(example.value),
        })
    }
    return { mediaType, schema: media.schema === undefined ? undefined : schemas.build(media.schema), examples }
  })
}

/** Every components/schemas entry, then any other schema a reference pointed at, each once. */
function addSchemas(
  model: ApiReferenceModel,
  root: Record<string, unknown>,
  schemas: SchemaModelBuilder,
  resolver: RefResolver,
) {
  const components = isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {}
  const queue: Array<{ ref: string; name: string; pointer: string }> = Object.keys(components).map((name) => ({
    ref: `#/components/schemas/${escapePointerToken(name)}`,
    name,
    pointer: `/components/schemas/${escapePointerToken(name)}`,
  }))
  const done = new Set<string>()
  for (let i = 0; i < queue.length; i++) {
    const { ref, name, pointer } = queue[i]
    if (done.has(ref)) continue
    done.add(ref)
    if (model.schemas.length >= MAX_SCHEMAS) {
      model.hiddenSchemas++
      continue
    }
    try {
      const target = resolver.resolve({ $ref: ref })
      model.schemas.push({ name, anchor: schemaAnchor(ref), pointer, schema: schemas.build(target.value, ref) })
    } catch (error) {
      if (!(error instanceof OpenApiBudgetError)) throw error
      model.hiddenSchemas++
    }
    // Building may have met references outside components/schemas: they join the queue.
    for (const [other] of schemas.otherTargets)
      if (!done.has(other)) queue.push({ ref: other, name: other.replace(/^#/, ''), pointer: other.replace(/^#/, '') })
    schemas.otherTargets.clear()
  }
}

function groupByTag(document: Record<string, unknown>, models: OperationModel[], entries: OperationEntry[]) {
  const declared = Array.isArray(document.tags) ? document.tags.filter(isRecord) : []
  const groups = new Map<string, ApiReferenceModel['groups'][number]>()
  for (const tag of declared) {
    if (typeof tag.name === 'string' && !groups.has(tag.name))
      groups.set(tag.name, {
        tag: tag.name,
        description: typeof tag.description === 'string' ? tag.description : undefined,
        operations: [],
      })
  }
  models.forEach((operation, index) => {
    const tag = entries[index].operation.tags?.[0] ?? UNTAGGED
    if (!groups.has(tag)) groups.set(tag, { tag, operations: [] })
    groups.get(tag)!.operations.push(operation)
  })
  return [...groups.values()].filter((group) => group.operations.length > 0)
}
