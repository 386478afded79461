import type { SourceResult } from './parse-openapi-source.mjs'
import { looksLikeJson, parseOpenApiSource } from './parse-openapi-source.mjs'
import { budgetMessage, runOpenApiWorker, type WorkerBudget } from './run-openapi-worker'
import { NO_DOCUMENT_ERROR, toLoadedDocument, type LoadedDocument } from './parsed-document'

export type { LoadedDocument }

/**
 * A stored contract parsed for reading (the reference page, try-it, the diff), under the same
 * parse-time limits as validation. JSON parses here: a 2 MB document takes milliseconds. YAML
 * takes about a second per megabyte, so it is parsed on a worker thread, off the event loop.
 * The $refs stay as written; readers resolve them as they need them (ref-resolver.ts).
 */
export async function loadOpenApiDocument(
  text: string,
  options: { budget?: WorkerBudget } = {},
): Promise<LoadedDocument> {
  if (!text.trim()) return { ok: false, errors: [NO_DOCUMENT_ERROR] }
  let parsed: SourceResult
  if (looksLikeJson(text)) parsed = parseOpenApiSource(text)
  else {
    const outcome = await runOpenApiWorker<SourceResult>({ kind: 'parse', text }, options.budget)
    if (!outcome.ok)
      return { ok: false, errors: [{ path: '', message: budgetMessage(outcome.limit, outcome.budget, 'Reading') }] }
    parsed = outcome.result
  }
  return toLoadedDocument(parsed)
}
