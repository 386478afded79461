import {
  createSchemaModelBuilder,
  exampleText,
  isComponentSchema,
  schemaAnchor,
  type NodeBudget,
  type SchemaModel,
  type SchemaModelBuilder,
} from './build-schema-model'
import { isRecord, listOperations, type MediaType, type OperationEntry } from './list-operations'
import { createRefResolver, OpenApiBudgetError, refName, type RefResolver } from './ref-resolver'

// What the reference page shows when a reader opens one operation or one schema, as plain,
// serialisable data. The page itself lists operations from the stored index (build-contract-index.mjs)
// and fetches these on demand, so a 1,000-operation contract never goes to the browser whole. Built
// straight from the document as written ($refs resolved on the way, never inlined), under a node
// budget, so what one look costs is bounded whatever the document holds. A referenced schema is a
// link to its own detail; a schema that refers to itself is a link to itself.

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

/** Schema nodes, parameters and responses one detail may show. */
export const DETAIL_NODE_BUDGET = 5_000

/** The operation at `path` and `method` (as the index lists it), or null when there is none. */
export function buildOperationDetail(
  document: unknown,
  { path, method }: { path: string; method: string },
  nodeBudget = DETAIL_NODE_BUDGET,
): OperationModel | null {
  const root = isRecord(document) ? document : {}
  const resolver = createRefResolver(root)
  // Only the one path item is walked: listOperations over a one-path document.
  const paths = isRecord(root.paths) ? root.paths : {}
  if (!Object.hasOwn(paths, path)) return null
  const entry = listOperations({ ...root, paths: { [path]: paths[path] } }, resolver).find((e) => e.method === method)
  if (!entry) return null
  const budget: NodeBudget = { left: nodeBudget }
  return operationModel(entry, createSchemaModelBuilder(resolver, budget), resolver, budget)
}

/** A schema by its local reference ("#/components/schemas/Pet"), or null when it points at nothing. */
export function buildSchemaDetail(document: unknown, ref: string, nodeBudget = DETAIL_NODE_BUDGET): SchemaEntry | null {
  const resolver = createRefResolver(isRecord(document) ? document : {})
  const target = resolver.resolve({ $ref: ref })
  if (target.broken) return null
  const budget: NodeBudget = { left: nodeBudget }
  const name = isComponentSchema(ref) ? refName(ref) : ref.replace(/^#/, '')
  try {
    const schema = createSchemaModelBuilder(resolver, budget).build(target.value, ref)
    return { name, anchor: schemaAnchor(ref), pointer: ref.replace(/^#/, ''), schema }
  } catch (error) {
    if (!(error instanceof OpenApiBudgetError)) throw error
    return { name, anchor: schemaAnchor(ref), pointer: ref.replace(/^#/, ''), schema: { type: '', truncated: true } }
  }
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
