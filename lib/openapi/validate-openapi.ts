import { dereference, validate } from '@readme/openapi-parser'
import { escapePointerToken } from './json-pointer'
import { locateValidationError, pointersByLine } from './locate-validation-error'
import { parseOpenApiText } from './parse-openapi-text'
import { collectRefs, resolveRefs } from './resolve-refs'

export type OpenApiError = { path: string; message: string }
export type OpenApiInfo = { openapi: string; title: string; version: string; description?: string; operationCount: number }
export type OpenApiDocument = Record<string, unknown>

export type OpenApiValidation =
  | { ok: true; document: OpenApiDocument; dereferenced: OpenApiDocument; info: OpenApiInfo }
  | { ok: false; errors: OpenApiError[] }

type ParserInput = Exclude<Parameters<typeof validate>[0], string>

const SUPPORTED_VERSION = /^3\.[01]\.\d+$/
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

// The parser treats a string as a file path or URL and would read it; we only ever hand it objects,
// with external resolution off, so a contract can never make the server fetch or open anything.
const PARSER_OPTIONS = { resolve: { external: false, file: false }, timeoutMs: 5_000 } as const

/** Parses JSON or YAML text and validates it as an OpenAPI 3.0.x or 3.1.x document. */
export async function validateOpenApi(text: string): Promise<OpenApiValidation> {
  const parsed = parseOpenApiText(text)
  if (!parsed.ok) return fail('', parsed.message)
  const value = parsed.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('', 'The document must be a JSON or YAML object with an "openapi" field')
  }
  const document = value as OpenApiDocument
  if ('swagger' in document) {
    return fail('/swagger', `Swagger ${String(document.swagger)} is not supported; convert the document to OpenAPI 3.0 or 3.1 first`)
  }
  if (typeof document.openapi !== 'string' || !SUPPORTED_VERSION.test(document.openapi)) {
    const found = document.openapi === undefined ? 'no "openapi" field' : `"openapi": ${JSON.stringify(document.openapi)}`
    return fail('/openapi', `Only OpenAPI 3.0.x and 3.1.x documents are supported (found ${found})`)
  }

  // Remote and file references are ignored by the parser (see PARSER_OPTIONS), so refuse them
  // outright rather than accept a contract whose schemas we cannot see.
  const foreign = collectRefs(document).filter(({ ref }) => !ref.startsWith('#'))
  if (foreign.length > 0) {
    return { ok: false, errors: foreign.map(({ ref, pointer }) => ({ path: pointer, message: `Only local references ("#/...") are supported, not ${JSON.stringify(ref)}` })) }
  }

  let result: Awaited<ReturnType<typeof validate>>
  try {
    result = await validate(structuredClone(document) as unknown as ParserInput, PARSER_OPTIONS)
  } catch (error) {
    return fail('', (error as Error).message)
  }
  if (!result.valid) return { ok: false, errors: await locateErrors(document, result.errors.map((e) => e.message)) }

  const dereferenced = resolveRefs(document)
  return { ok: true, document, dereferenced, info: readInfo(document) }
}

function fail(path: string, message: string): OpenApiValidation {
  return { ok: false, errors: [{ path, message }] }
}

async function locateErrors(document: OpenApiDocument, messages: string[]): Promise<OpenApiError[]> {
  const pathKeys = Object.keys((document.paths as object | undefined) ?? {})
  let lines: string[] | undefined
  // The parser prints its code frames over the document as it dereferenced it (circular refs kept).
  const derefForFrames = await dereference(structuredClone(document) as unknown as ParserInput, { ...PARSER_OPTIONS, dereference: { circular: 'ignore' } }).catch(() => document)
  const lineMap = () => (lines ??= pointersByLine(derefForFrames))
  return messages.map((raw) => {
    const missingRef = raw.match(/Missing \$ref pointer "([^"]+)"/)
    if (missingRef) {
      const at = collectRefs(document).find(({ ref }) => ref === missingRef[1])
      return { path: at?.pointer ?? '', message: `The reference ${missingRef[1]} points at nothing` }
    }
    const duplicateId = raw.match(/The operationId `([^`]+)` is duplicated/)
    if (duplicateId) return { path: findDuplicateOperationId(document, duplicateId[1]), message: raw }
    return locateValidationError(raw, lineMap, pathKeys)
  })
}

function findDuplicateOperationId(document: OpenApiDocument, operationId: string): string {
  const seen: string[] = []
  for (const [path, item] of Object.entries((document.paths as Record<string, Record<string, { operationId?: string }>>) ?? {})) {
    for (const method of HTTP_METHODS) {
      if (item?.[method]?.operationId === operationId) seen.push(`/paths/${escapePointerToken(path)}/${method}/operationId`)
    }
  }
  return seen[1] ?? seen[0] ?? '/paths'
}

function readInfo(document: OpenApiDocument): OpenApiInfo {
  const info = (document.info ?? {}) as Record<string, unknown>
  let operationCount = 0
  for (const item of Object.values((document.paths as Record<string, Record<string, unknown>>) ?? {})) {
    operationCount += HTTP_METHODS.filter((method) => item && typeof item[method] === 'object').length
  }
  return {
    openapi: String(document.openapi),
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    description: typeof info.description === 'string' ? info.description : undefined,
    operationCount,
  }
}
