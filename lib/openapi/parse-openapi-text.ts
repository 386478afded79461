import { parseOpenApiSource } from './parse-openapi-source.mjs'

export type TextParseResult = { ok: true; value: unknown } | { ok: false; message: string; path: string }

/**
 * Turns text into a JS value on the calling thread, under every parse-time limit (size, binary,
 * nesting depth, YAML aliases). A large YAML document takes a while to parse: server code that
 * serves requests uses loadOpenApiDocument, which parses YAML on a worker thread.
 */
export function parseOpenApiText(text: string): TextParseResult {
  const parsed = parseOpenApiSource(text)
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, message: parsed.error.message, path: parsed.error.path }
}
