// Validation errors travel to forms as plain strings (ActionResult.fieldErrors is string[]), so the
// pointer and the message are joined with a separator no JSON pointer the UI cares about contains.
const SEPARATOR = ' — '

export function formatOpenApiError(error: { path: string; message: string }): string {
  return `${error.path || '/'}${SEPARATOR}${error.message}`
}

/** Splits a formatted error back for display; plain messages (e.g. "too large") have no pointer. */
export function splitOpenApiError(text: string): { path: string | null; message: string } {
  const at = text.indexOf(SEPARATOR)
  if (at < 0 || !text.startsWith('/')) return { path: null, message: text }
  return { path: text.slice(0, at), message: text.slice(at + SEPARATOR.length) }
}
