import { parse as parseYaml } from 'yaml'

export type TextParseResult = { ok: true; value: unknown } | { ok: false; message: string }

// Large enough for real-world contracts, small enough that a paste cannot stall the server.
export const MAX_OPENAPI_BYTES = 2 * 1024 * 1024

/**
 * Turns pasted or uploaded text into a JS value. JSON is tried first because every JSON document
 * is also YAML, but JSON's error messages are clearer for JSON input.
 */
export function parseOpenApiText(text: string): TextParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'The document is empty' }
  if (Buffer.byteLength(text, 'utf8') > MAX_OPENAPI_BYTES) {
    return { ok: false, message: `The document is larger than ${MAX_OPENAPI_BYTES / 1024 / 1024} MB` }
  }
  if (looksBinary(text)) return { ok: false, message: 'The document is not text (binary content found); upload a JSON or YAML file' }
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ok: true, value: JSON.parse(trimmed) }
    } catch (error) {
      return { ok: false, message: `Invalid JSON: ${(error as Error).message}` }
    }
  }
  try {
    // maxAliasCount guards against "billion laughs" alias bombs.
    return { ok: true, value: parseYaml(text, { maxAliasCount: 100, prettyErrors: true }) }
  } catch (error) {
    // prettyErrors puts a code frame after "at line L, column C:"; keep the sentence, drop the colon.
    return { ok: false, message: `Invalid YAML: ${(error as Error).message.split('\n')[0].replace(/:$/, '')}` }
  }
}

// NUL bytes or a high share of control characters mean someone uploaded an image or an archive.
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192)
  if (sample.includes('\u0000')) return true
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++
  }
  return control / sample.length > 0.05
}
