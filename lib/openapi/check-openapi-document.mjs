// @ts-check
import { validate } from '@readme/openapi-parser'
import { escapePointerToken, getAtPointer } from './json-pointer.mjs'
import { locateValidationError, pointersByLine } from './locate-validation-error.mjs'
import { parseOpenApiSource } from './parse-openapi-source.mjs'
import { collectRefs, findDanglingRefs, isLocalRef, movePointer, prepareForParser } from './prepare-for-parser.mjs'

// What the validation worker (openapi-worker.mjs) does with a contract: parse it under the limits,
// check what the parser cannot (versions, remote and dangling references), then let
// @readme/openapi-parser validate it without inlining it (see prepare-for-parser.mjs) and turn
// its messages into JSON pointers. Plain .mjs because a worker cannot load TypeScript.

/** @typedef {{ path: string, message: string }} OpenApiError */
/** @typedef {{ openapi: string, title: string, version: string, description?: string, operationCount: number }} OpenApiInfo */
/** @typedef {{ ok: true, document: Record<string, unknown>, info: OpenApiInfo } | { ok: false, errors: OpenApiError[] }} CheckResult */

const SUPPORTED_VERSION = /^3\.[01]\.\d+$/
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const MAX_REPORTED_REFS = 20

// The parser treats a string as a file path or URL and would read it; it is only ever handed
// objects, with external resolution off, so a contract can never make the server fetch or open anything.
const PARSER_OPTIONS = { resolve: { external: false, file: false } }

/**
 * @param {string} text
 * @returns {Promise<CheckResult>}
 */
export async function checkOpenApiText(text) {
  const parsed = parseOpenApiSource(text)
  if (!parsed.ok) return { ok: false, errors: [parsed.error] }
  const value = parsed.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', 'The document must be a JSON or YAML object with an "openapi" field')
  }
  const document = /** @type {Record<string, unknown>} */ (value)
  if ('swagger' in document) {
    return fail(
      '/swagger',
      `Swagger ${String(document.swagger)} is not supported; convert the document to OpenAPI 3.0 or 3.1 first`,
    )
  }
  if (typeof document.openapi !== 'string' || !SUPPORTED_VERSION.test(document.openapi)) {
    const found =
      document.openapi === undefined ? 'no "openapi" field' : `"openapi": ${JSON.stringify(document.openapi)}`
    return fail('/openapi', `Only OpenAPI 3.0.x and 3.1.x documents are supported (found ${found})`)
  }

  // Remote and file references are never followed, so refuse them outright rather than accept a
  // contract whose schemas nobody can see.
  const refs = collectRefs(document)
  const foreign = refs.filter(({ ref }) => !ref.startsWith('#'))
  if (foreign.length > 0) {
    return {
      ok: false,
      errors: foreign.slice(0, MAX_REPORTED_REFS).map(({ ref, pointer }) => ({
        path: pointer,
        message: `Only local references ("#/...") are supported, not ${JSON.stringify(ref)}`,
      })),
    }
  }
  const dangling = findDanglingRefs(document, refs)
  if (dangling.length > 0) {
    return {
      ok: false,
      errors: dangling
        .slice(0, MAX_REPORTED_REFS)
        .map(({ ref, pointer }) => ({ path: pointer, message: `The reference ${ref} points at nothing` })),
    }
  }

  const { prepared, inlined } = prepareForParser(document)
  let result
  try {
    result = await validate(/** @type {any} */ (prepared), PARSER_OPTIONS)
  } catch (error) {
    return fail('', /** @type {Error} */ (error).message)
  }
  if (!result.valid) {
    const pathKeys = Object.keys(isObject(document.paths) ? document.paths : {})
    /** @type {string[] | undefined} */
    let lines
    // The parser prints its code frames over the document it was given (nothing was inlined in it).
    const lineMap = () => (lines ??= pointersByLine(prepared))
    const errors = result.errors.map((error) => {
      const duplicateId = error.message.match(/The operationId `([^`]+)` is duplicated/)
      if (duplicateId) return { path: findDuplicateOperationId(document, duplicateId[1]), message: error.message }
      const located = locateValidationError(error.message, lineMap, pathKeys)
      return { path: movePointer(located.path, inlined), message: located.message }
    })
    return { ok: false, errors }
  }
  return { ok: true, document, info: readInfo(document) }
}

/** @param {string} path @param {string} message @returns {CheckResult} */
function fail(path, message) {
  return { ok: false, errors: [{ path, message }] }
}

/** @param {Record<string, unknown>} document @returns {OpenApiInfo} */
function readInfo(document) {
  const info = isObject(document.info) ? document.info : {}
  let operationCount = 0
  for (const raw of Object.values(isObject(document.paths) ? document.paths : {})) {
    // A path item may itself be a reference (3.1); one hop is enough to count its operations.
    const item =
      isObject(raw) && typeof raw.$ref === 'string' && isLocalRef(raw.$ref) ? getAtPointer(document, raw.$ref) : raw
    if (isObject(item)) operationCount += HTTP_METHODS.filter((method) => isObject(item[method])).length
  }
  return {
    openapi: String(document.openapi),
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    description: typeof info.description === 'string' ? info.description : undefined,
    operationCount,
  }
}

/** The second operation using a duplicated id is the one to rename. @param {Record<string, unknown>} document @param {string} operationId */
function findDuplicateOperationId(document, operationId) {
  /** @type {string[]} */
  const seen = []
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue
    for (const method of HTTP_METHODS) {
      const operation = item[method]
      if (isObject(operation) && operation.operationId === operationId)
        seen.push(`/paths/${escapePointerToken(path)}/${method}/operationId`)
    }
  }
  return seen[1] ?? seen[0] ?? '/paths'
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
