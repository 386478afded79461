import type { CheckResult, ContractIndex, Conversion, OpenApiError, OpenApiInfo } from './check-openapi-document.mjs'
import { budgetMessage, runOpenApiWorker, type WorkerBudget } from './run-openapi-worker'

export type { ContractIndex, Conversion, OpenApiError, OpenApiInfo }
export type OpenApiDocument = Record<string, unknown>

/**
 * `document` is the parsed contract as written, its $refs still there (see ref-resolver.ts), or
 * the OpenAPI 3 conversion of a Swagger 2.0 text (`converted`). `index` is what pages show of it.
 */
export type OpenApiValidation =
  | { ok: true; document: OpenApiDocument; info: OpenApiInfo; index: ContractIndex; converted?: Conversion }
  | { ok: false; errors: OpenApiError[] }

/**
 * Parses JSON or YAML text and validates it as an OpenAPI 3.0.x or 3.1.x document (converting
 * Swagger 2.0 to OpenAPI 3.0 first), on a worker
 * thread under a time and memory budget (run-openapi-worker.ts). A document over the budget is
 * refused with an error naming the limit, like any other invalid document.
 */
export async function validateOpenApi(
  text: string,
  options: { budget?: WorkerBudget } = {},
): Promise<OpenApiValidation> {
  return runValidation(text, options.budget, false)
}

/** What saving a contract needs: the verdict, the index and any conversion, without the document. */
export type StorageValidation =
  { ok: true; info: OpenApiInfo; index: ContractIndex; converted?: Conversion } | { ok: false; errors: OpenApiError[] }

/** validateOpenApi for the save path: the parsed document is not copied back from the worker. */
export async function validateForStorage(text: string): Promise<StorageValidation> {
  const result = await runValidation(text, undefined, true)
  if (!result.ok) return result
  const { document: _left, ...rest } = result
  return rest
}

async function runValidation(
  text: string,
  budget: WorkerBudget | undefined,
  omitDocument: boolean,
): Promise<OpenApiValidation> {
  const outcome = await runOpenApiWorker<CheckResult>({ kind: 'validate', text, omitDocument }, budget)
  if (!outcome.ok) return { ok: false, errors: [{ path: '', message: budgetMessage(outcome.limit, outcome.budget) }] }
  return outcome.result
}
