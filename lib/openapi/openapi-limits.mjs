// @ts-check
// What one contract may ask of the server. Plain .mjs with no imports: the validation worker
// (openapi-worker.mjs), the server code and the version form in the browser all read it.

/** Room for the largest public contracts (GitHub's is 13 MB); OPENAPI_MAX_MB changes it. */
export const DEFAULT_MAX_OPENAPI_BYTES = 32 * 1024 * 1024

/** Above this a contract is uploaded as a file (streamed), not pasted into the form. */
export const MAX_PASTED_OPENAPI_BYTES = 512 * 1024

/**
 * The largest contract the server accepts: OPENAPI_MAX_MB (a positive number of MB) or 32 MB.
 * The browser has no server environment: its forms are given this number by the page.
 */
export function maxOpenApiBytes() {
  const raw = globalThis.process?.env?.OPENAPI_MAX_MB
  const mb = Number(raw)
  return raw && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_OPENAPI_BYTES
}

/** Objects and arrays inside objects and arrays; real contracts stay well under 40. */
export const MAX_NESTING_DEPTH = 128

/** YAML aliases (`*name`) a document may expand; the yaml package's own guard against alias bombs. */
export const MAX_YAML_ALIASES = 100

/** How long validating (or parsing) one document may take in its worker before it is stopped. */
export const DEFAULT_WORKER_TIMEOUT_MS = 10_000

/** The worker's heap (old generation) in MB; a document that needs more is refused. */
export const DEFAULT_WORKER_HEAP_MB = 256

/** Human size: 2097152 → "2 MB". */
export function formatBytes(/** @type {number} */ bytes) {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
