// @ts-check
import { validate } from '@readme/openapi-parser'
import { buildContractIndex } from './build-contract-index.mjs'
import { convertSwagger2 } from './convert-swagger.mjs'
import { escapePointerToken } from './json-pointer.mjs'
import { locateValidationError, pointersByLine } from './locate-validation-error.mjs'
import { parseOpenApiSource } from './parse-openapi-source.mjs'
import { collectRefs, findDanglingRefs, movePointer, prepareForParser } from './prepare-for-parser.mjs'

// What the validation worker (openapi-worker.mjs) does with a contract: parse it under the limits,
// check what the parser cannot (versions, remote and dangling references), then let
// @readme/openapi-parser validate it without inlining it (see prepare-for-parser.mjs) and turn
// its messages into JSON pointers. Plain .mjs because a worker cannot load TypeScript.

/** @typedef {{ path: string, message: string }} OpenApiError */
/** @typedef {import('./build-contract-index.mjs').ContractInfo} OpenApiInfo */
/** @typedef {import('./build-contract-index.mjs').ContractIndex} ContractIndex */
/** @typedef {{ from: 'swagger-2.0', openapi: string }} Conversion */
/**
 * `converted` is set when the text was Swagger 2.0: `document` is then its OpenAPI 3 conversion,
 * and `converted.openapi` that conversion as JSON text, to store beside the original.
 * @typedef {{ ok: true, document: Record<string, unknown>, info: OpenApiInfo, index: ContractIndex, converted?: Conversion } | { ok: false, errors: OpenApiError[] }} CheckResult
 */

const SUPPORTED_VERSION = /^3\.[01]\.\d+$/
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const MAX_REPORTED_REFS = 20

// The parser treats a string as a file path or URL and would read it; it is only ever handed
// objects, with external resolution off, so a contract can never make the server fetch or open anything.
const PARSER_OPTIONS = { resolve: { external: false, file: false } }

/**
 * @param {string} text
 * @param {{ maxBytes?: number }} [options]
 * @returns {Promise<CheckResult>}
 */
export async function checkOpenApiText(text, options = {}) {
  const parsed = parseOpenApiSource(text, options)
  if (!parsed.ok) return { ok: false, errors: [parsed.error] }
  const value = parsed.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', 'The document must be a JSON or YAML object with an "openapi" field')
  }
  const written = /** @type {Record<string, unknown>} */ (value)
  if (!('swagger' in written)) return checkDocument(written)
  if (written.swagger !== '2.0')
    return fail('/swagger', `Only Swagger 2.0 can be converted (found "swagger": ${JSON.stringify(written.swagger)})`)
  const refused = refuseForeignRefs(collectRefs(written)) ?? checkSwaggerShape(written)
  if (refused) return refused
  const conversion = await convertSwagger2(written)
  if (!conversion.ok) return fail('', conversion.message)
  const checked = await checkDocument(conversion.document)
  if (!checked.ok) {
    // The pointers name the conversion, which the author never wrote: say so.
    const errors = checked.errors.map((error) => ({
      ...error,
      message: `${error.message} (in the OpenAPI 3 conversion of this Swagger 2.0 document)`,
    }))
    return { ok: false, errors }
  }
  return { ...checked, converted: { from: 'swagger-2.0', openapi: JSON.stringify(conversion.document) } }
}

/**
 * What the converter would otherwise patch in silently: a contract without a title, a version or
 * paths is not one anybody meant to publish.
 * @param {Record<string, unknown>} swagger
 * @returns {CheckResult | null}
 */
function checkSwaggerShape(swagger) {
  const info = swagger.info
  if (!isObject(info)) return fail('/info', 'A Swagger 2.0 document needs an "info" object')
  if (typeof info.title !== 'string') return fail('/info/title', 'A Swagger 2.0 document needs "info.title"')
  if (typeof info.version !== 'string') return fail('/info/version', 'A Swagger 2.0 document needs "info.version"')
  if (!isObject(swagger.paths)) return fail('/paths', 'A Swagger 2.0 document needs a "paths" object')
  return null
}

/**
 * @param {import('./prepare-for-parser.mjs').RefSite[]} refs
 * @returns {CheckResult | null}
 */
function refuseForeignRefs(refs) {
  const foreign = refs.filter(({ ref }) => !ref.startsWith('#'))
  if (foreign.length === 0) return null
  return {
    ok: false,
    errors: foreign.slice(0, MAX_REPORTED_REFS).map(({ ref, pointer }) => ({
      path: pointer,
      message: `Only local references ("#/...") are supported, not ${JSON.stringify(ref)}`,
    })),
  }
}

/**
 * @param {Record<string, unknown>} document
 * @returns {Promise<CheckResult>}
 */
async function checkDocument(document) {
  if (typeof document.openapi !== 'string' || !SUPPORTED_VERSION.test(document.openapi)) {
    const found =
      document.openapi === undefined ? 'no "openapi" field' : `"openapi": ${JSON.stringify(document.openapi)}`
    return fail('/openapi', `Only OpenAPI 3.0.x and 3.1.x documents are supported (found ${found})`)
  }

  // Remote and file references are never followed, so refuse them outright rather than accept a
  // contract whose schemas nobody can see.
  const refs = collectRefs(document)
  const refused = refuseForeignRefs(refs)
  if (refused) return refused
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
  const index = buildContractIndex(document)
  return { ok: true, document, info: index.info, index }
}

/** @param {string} path @param {string} message @returns {CheckResult} */
function fail(path, message) {
  return { ok: false, errors: [{ path, message }] }
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
