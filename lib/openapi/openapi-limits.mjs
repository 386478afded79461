// @ts-check
// What one contract may ask of the server. Plain .mjs with no imports: the validation worker
// (openapi-worker.mjs), the server code and the version form in the browser all read it.

/** Large enough for real-world contracts, small enough that a paste cannot stall the server. */
export const MAX_OPENAPI_BYTES = 2 * 1024 * 1024

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
