// @ts-check
import { getAtPointer } from './json-pointer.mjs'

// What every page of a contract needs, derived once when it is saved and stored beside it
// (ApiVersion.contractIndex): the info, the tags and one line per operation. The reference page's
// sidebar, search and method filters run on this alone; an operation's details are read from the
// document only when someone opens it (load-operation-detail.ts). Plain .mjs: the validation
// worker builds it, on the thread that already holds the parsed document.

export const CONTRACT_INDEX_VERSION = 1
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const UNTAGGED = 'Other'
const MAX_SUMMARY = 200
const MAX_DESCRIPTION = 2_000
const MAX_SCHEMAS = 10_000

/**
 * @typedef {{ method: string, path: string, anchor: string, operationId?: string, summary?: string, tag: string, deprecated?: true }} IndexedOperation
 * @typedef {{ openapi: string, title: string, version: string, description?: string, operationCount: number }} ContractInfo
 * @typedef {{ v: number, info: ContractInfo, servers: string[], tags: Array<{ name: string, description?: string }>, operations: IndexedOperation[], schemas: string[] }} ContractIndex
 */

/**
 * @param {Record<string, unknown>} document a validated OpenAPI 3.x document, $refs as written
 * @returns {ContractIndex}
 */
export function buildContractIndex(document) {
  /** @type {IndexedOperation[]} */
  const operations = []
  const anchors = new Set()
  for (const [path, raw] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    // A path item may itself be a reference (3.1); one hop is what the specification allows.
    const item = isObject(raw) && typeof raw.$ref === 'string' ? getAtPointer(document, raw.$ref) : raw
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined
      let anchor = operationId ?? `${method}-${path}`
      while (anchors.has(anchor)) anchor += '_'
      anchors.add(anchor)
      const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === 'string' ? operation.tags[0] : UNTAGGED
      /** @type {IndexedOperation} */
      const entry = { method, path, anchor, tag }
      if (operationId) entry.operationId = operationId
      const summary = typeof operation.summary === 'string' ? operation.summary : undefined
      if (summary) entry.summary = summary.slice(0, MAX_SUMMARY)
      if (operation.deprecated === true) entry.deprecated = true
      operations.push(entry)
    }
  }
  const info = isObject(document.info) ? document.info : {}
  const declared = Array.isArray(document.tags) ? document.tags.filter(isObject) : []
  /** @type {Map<string, { name: string, description?: string }>} */
  const tags = new Map()
  for (const tag of declared) {
    if (typeof tag.name !== 'string' || tags.has(tag.name)) continue
    tags.set(tag.name, {
      name: tag.name,
      ...(typeof tag.description === 'string' ? { description: tag.description.slice(0, MAX_DESCRIPTION) } : {}),
    })
  }
  for (const { tag } of operations) if (!tags.has(tag)) tags.set(tag, { name: tag })
  const used = new Set(operations.map((operation) => operation.tag))
  const components = isObject(document.components) ? document.components : {}
  return {
    v: CONTRACT_INDEX_VERSION,
    info: {
      openapi: String(document.openapi ?? ''),
      title: typeof info.title === 'string' && info.title ? info.title : 'Untitled API',
      version: String(info.version ?? ''),
      ...(typeof info.description === 'string' ? { description: info.description.slice(0, MAX_DESCRIPTION) } : {}),
      operationCount: operations.length,
    },
    servers: Array.isArray(document.servers)
      ? document.servers
          .filter(isObject)
          .map((server) => String(server.url ?? ''))
          .filter(Boolean)
          .slice(0, 20)
      : [],
    tags: [...tags.values()].filter((tag) => used.has(tag.name)),
    operations,
    // Names only: a schema's detail is built when someone opens it (build-reference-detail.ts).
    schemas: isObject(components.schemas) ? Object.keys(components.schemas).slice(0, MAX_SCHEMAS) : [],
  }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
