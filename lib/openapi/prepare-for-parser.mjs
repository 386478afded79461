// @ts-check
import { escapePointerToken, getAtPointer } from './json-pointer.mjs'

// @readme/openapi-parser inlines every $ref before it validates, then walks the inlined tree: a
// 3 KB document of six schemas with ten $refs each to the one before becomes a million nodes.
// The OpenAPI schemas accept a Reference Object wherever the specification allows one, so the
// parser validates each component once, where it is defined, if it is not allowed to follow the
// references. `prepareForParser` hides them from it (a local "#/a/b" becomes "#x/a/b", which the
// parser treats as neither local nor external and leaves alone), and inlines by hand the few
// the parser's own rules must see through: parameters (path parameters are matched against the
// path) and security schemes. Dangling references are reported here instead of by the parser.
// Plain .mjs: it runs in the validation worker.

const HIDDEN_PREFIX = '#x'
const MAX_REF_HOPS = 16
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** @typedef {{ ref: string, pointer: string }} RefSite */
/** @typedef {{ at: string, from: string }} Inlined */

/**
 * Every `$ref` string with the pointer where it sits. Iterative; an object shared by YAML aliases
 * is walked once.
 * @param {unknown} root
 * @returns {RefSite[]}
 */
export function collectRefs(root) {
  /** @type {RefSite[]} */
  const found = []
  const seen = new Set()
  /** @type {Array<[unknown, string]>} */
  const work = [[root, '']]
  while (work.length > 0) {
    const [node, pointer] = /** @type {[unknown, string]} */ (work.pop())
    if (node === null || typeof node !== 'object' || seen.has(node)) continue
    seen.add(node)
    const entries = Object.entries(node)
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i]
      const childPointer = `${pointer}/${escapePointerToken(key)}`
      if (key === '$ref' && typeof value === 'string') found.push({ ref: value, pointer: childPointer })
      else work.push([value, childPointer])
    }
  }
  return found.reverse()
}

/** @param {string} ref */
export const isLocalRef = (ref) => ref === '#' || ref.startsWith('#/')

/**
 * Local references whose target does not exist, one lookup per distinct reference.
 * @param {unknown} document
 * @param {RefSite[]} refs
 */
export function findDanglingRefs(document, refs) {
  /** @type {Map<string, boolean>} */
  const exists = new Map()
  return refs.filter(({ ref }) => {
    if (!isLocalRef(ref)) return false
    if (!exists.has(ref)) exists.set(ref, getAtPointer(document, ref) !== undefined)
    return !exists.get(ref)
  })
}

/**
 * A copy of `document` for the parser: local references hidden, parameters and security schemes
 * given by reference inlined. `inlined` maps each inlined position back to where its object is
 * written, so an error found inside it points at the component the author must edit.
 * @param {Record<string, unknown>} document
 * @returns {{ prepared: Record<string, unknown>, inlined: Inlined[] }}
 */
export function prepareForParser(document) {
  /** @type {Map<object, unknown>} */
  const copies = new Map()
  const prepared = /** @type {Record<string, unknown>} */ (hideRefs(document, copies))
  /** @type {Inlined[]} */
  const inlined = []
  /** @param {Record<string, unknown> | unknown[]} container @param {string | number} key @param {string} at */
  const inline = (container, key, at) => {
    const entry = /** @type {Record<string, unknown>} */ (container)[key]
    if (!isObject(entry) || typeof entry.$ref !== 'string' || !entry.$ref.startsWith(HIDDEN_PREFIX)) return
    const target = followRefs(document, `#${entry.$ref.slice(HIDDEN_PREFIX.length)}`)
    if (!target || !copies.has(target.value)) return
    ;/** @type {Record<string, unknown>} */ (container)[key] = copies.get(target.value)
    inlined.push({ at, from: target.pointer })
  }
  const paths = isObject(prepared.paths) ? prepared.paths : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    const itemPointer = `/paths/${escapePointerToken(path)}`
    const lists = [[item.parameters, `${itemPointer}/parameters`]]
    for (const method of METHODS) {
      const operation = item[method]
      if (isObject(operation)) lists.push([operation.parameters, `${itemPointer}/${method}/parameters`])
    }
    for (const [list, pointer] of lists) {
      if (Array.isArray(list)) list.forEach((_, index) => inline(list, index, `${pointer}/${index}`))
    }
  }
  const components = isObject(prepared.components) ? prepared.components : {}
  for (const kind of ['parameters', 'securitySchemes']) {
    const group = components[kind]
    if (isObject(group))
      for (const name of Object.keys(group)) inline(group, name, `/components/${kind}/${escapePointerToken(name)}`)
  }
  return { prepared, inlined }
}

/**
 * Follows a chain of references ("#/a" → { $ref: "#/b" } → ...) to an object; null when it
 * dangles, loops or runs longer than MAX_REF_HOPS.
 * @param {unknown} document
 * @param {string} ref
 * @returns {{ value: Record<string, unknown>, pointer: string } | null}
 */
function followRefs(document, ref) {
  let current = ref
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    const value = getAtPointer(document, current)
    if (!isObject(value)) return null
    if (typeof value.$ref !== 'string') return { value, pointer: current.slice(1) }
    if (!isLocalRef(value.$ref)) return null
    current = value.$ref
  }
  return null
}

/**
 * A structural copy with every local `$ref` hidden. Shared objects (YAML aliases) stay shared.
 * Nesting is capped at parse time, so the recursion is bounded.
 * @param {unknown} node
 * @param {Map<object, unknown>} copies
 * @returns {unknown}
 */
function hideRefs(node, copies) {
  if (node === null || typeof node !== 'object') return node
  const known = copies.get(node)
  if (known !== undefined) return known
  if (Array.isArray(node)) {
    /** @type {unknown[]} */
    const out = []
    copies.set(node, out)
    for (const item of node) out.push(hideRefs(item, copies))
    return out
  }
  /** @type {Record<string, unknown>} */
  const out = {}
  copies.set(node, out)
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && isLocalRef(value)
        ? HIDDEN_PREFIX + value.slice(1)
        : hideRefs(value, copies)
  }
  return out
}

/**
 * An error pointer inside an inlined object, moved to where that object is written.
 * @param {string} pointer
 * @param {Inlined[]} inlined
 */
export function movePointer(pointer, inlined) {
  const match = inlined.find(({ at }) => pointer === at || pointer.startsWith(`${at}/`))
  return match ? match.from + pointer.slice(match.at.length) : pointer
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
