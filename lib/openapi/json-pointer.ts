// RFC 6901 JSON pointers: "~" and "/" inside a key are escaped as "~0" and "~1".
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~')
}

export function toPointer(tokens: Array<string | number>): string {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('')
}

/** Reads the value at a local pointer ("#/components/schemas/Pet" or "/components/..."). */
export function getAtPointer(root: unknown, pointer: string): unknown {
  const path = pointer.replace(/^#/, '')
  if (path === '') return root
  if (!path.startsWith('/')) return undefined
  let current: unknown = root
  for (const raw of path.slice(1).split('/')) {
    const token = unescapePointerToken(decodeURIComponent(raw))
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, token)) return undefined
    current = (current as Record<string, unknown>)[token]
  }
  return current
}
