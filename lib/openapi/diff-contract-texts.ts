import { diffOpenApi, type OpenApiChange } from './diff-openapi'
import { parseOpenApiSource } from './parse-openapi-source.mjs'
import { toLoadedDocument } from './parsed-document'

// What the worker (openapi-worker.mjs, through tsx) runs for a diff: both parses and the
// comparison, so none of them holds the server's event loop. Only relative imports: this module
// is loaded outside Next's bundle.

/**
 * diffOpenApi of two stored contract texts, each read as loadOpenApiDocument reads it (a text
 * that is empty or does not parse counts as an empty document, as it always has for the diff).
 */
export function diffContractTexts(beforeText: string, afterText: string): OpenApiChange[] {
  return diffOpenApi(readDocument(beforeText), readDocument(afterText))
}

function readDocument(text: string): Record<string, unknown> {
  if (!text.trim()) return {}
  const loaded = toLoadedDocument(parseOpenApiSource(text))
  return loaded.ok ? loaded.document : {}
}
