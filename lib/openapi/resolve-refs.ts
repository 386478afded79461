import { getAtPointer } from './json-pointer'

export const CIRCULAR_MARKER = 'x-circular-ref'

/**
 * Inlines every local `$ref` ("#/...") so the renderer and the diff can walk plain trees.
 * A reference that points back into its own ancestry is left as `{ $ref, 'x-circular-ref': true }`,
 * so the result is always finite and JSON-serialisable (it can cross the server/client boundary).
 * Keys next to a `$ref` (allowed in 3.1) override the referenced object's keys.
 */
export function resolveRefs<T = unknown>(document: T): T {
  return resolveNode(document, document, [], 0) as T
}

const MAX_DEPTH = 64

function resolveNode(node: unknown, root: unknown, stack: string[], depth: number): unknown {
  if (depth > MAX_DEPTH) return { [CIRCULAR_MARKER]: true, description: 'Nesting too deep to display' }
  if (Array.isArray(node)) return node.map((item) => resolveNode(item, root, stack, depth + 1))
  if (node === null || typeof node !== 'object') return node
  const record = node as Record<string, unknown>
  const ref = record.$ref
  if (typeof ref === 'string' && ref.startsWith('#')) {
    if (stack.includes(ref)) return { $ref: ref, [CIRCULAR_MARKER]: true }
    const target = getAtPointer(root, ref)
    if (target === undefined) return { ...record }
    const resolved = resolveNode(target, root, [...stack, ref], depth + 1)
    const siblings = Object.fromEntries(Object.entries(record).filter(([key]) => key !== '$ref'))
    if (Object.keys(siblings).length === 0 || resolved === null || typeof resolved !== 'object' || Array.isArray(resolved)) return resolved
    return { ...(resolved as Record<string, unknown>), ...(resolveNode(siblings, root, stack, depth + 1) as Record<string, unknown>) }
  }
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) out[key] = resolveNode(value, root, stack, depth + 1)
  return out
}

/** Every `$ref` string in the document with the pointer where it sits. */
export function collectRefs(node: unknown, pointer = ''): Array<{ ref: string; pointer: string }> {
  if (node === null || typeof node !== 'object') return []
  const found: Array<{ ref: string; pointer: string }> = []
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const childPointer = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
    if (key === '$ref' && typeof value === 'string') found.push({ ref: value, pointer: childPointer })
    else found.push(...collectRefs(value, childPointer))
  }
  return found
}
