// @ts-check
// RFC 6901 JSON pointers: "~" and "/" inside a key are escaped as "~0" and "~1".
// Plain .mjs because the validation worker (openapi-worker.mjs) uses it without a TypeScript loader.

/** @param {string} token */
export function escapePointerToken(token) {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** @param {string} token */
export function unescapePointerToken(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** @param {Array<string | number>} tokens */
export function toPointer(tokens) {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('')
}

/**
 * Reads the value at a local pointer ("#/components/schemas/Pet" or "/components/..."); undefined
 * when nothing is there. RFC 6901 §6: in a URI fragment the pointer is percent-encoded.
 * @param {unknown} root
 * @param {string} pointer
 * @returns {unknown}
 */
export function getAtPointer(root, pointer) {
  const path = pointer.replace(/^#/, '')
  if (path === '') return root
  if (!path.startsWith('/')) return undefined
  /** @type {unknown} */
  let current = root
  for (const raw of path.slice(1).split('/')) {
    let token
    try {
      token = unescapePointerToken(decodeURIComponent(raw))
    } catch {
      return undefined // a malformed %-escape points at nothing
    }
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, token)) return undefined
    current = /** @type {Record<string, unknown>} */ (current)[token]
  }
  return current
}
