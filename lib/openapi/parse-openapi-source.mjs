// @ts-check
import { Composer, CST, LineCounter, Parser } from 'yaml'
import { toPointer } from './json-pointer.mjs'
import { formatBytes, MAX_NESTING_DEPTH, MAX_YAML_ALIASES, maxOpenApiBytes } from './openapi-limits.mjs'

// Pasted or uploaded text to a JS value, with every limit a tenant could otherwise push on the
// server checked without recursion first: size, binary content, nesting depth (JSON and YAML, YAML
// aliases included) and the YAML alias count. Plain .mjs: the validation worker runs it, and so
// does the server for JSON documents it renders (see load-openapi-document.ts).

/** @typedef {{ path: string, message: string }} SourceError */
/** @typedef {{ ok: true, value: unknown } | { ok: false, error: SourceError }} SourceResult */

/**
 * @param {string} text
 * @param {{ maxBytes?: number }} [options] the size limit, maxOpenApiBytes() unless given
 * @returns {SourceResult}
 */
export function parseOpenApiSource(text, { maxBytes = maxOpenApiBytes() } = {}) {
  if (typeof text !== 'string' || text.trim() === '') return failure('The document is empty')
  if (Buffer.byteLength(text, 'utf8') > maxBytes) return failure(tooLargeMessage(maxBytes))
  if (looksBinary(text)) return failure('The document is not text (binary content found); upload a JSON or YAML file')
  return looksLikeJson(text) ? parseJson(text.trim()) : parseYaml(text)
}

/** @param {number} maxBytes */
export function tooLargeMessage(maxBytes) {
  return `The document is larger than ${formatBytes(maxBytes)}, the largest contract this server accepts`
}

/** JSON is tried first for text that starts like JSON: every JSON document is also YAML, but JSON's errors are clearer. */
export function looksLikeJson(/** @type {string} */ text) {
  const trimmed = text.trimStart()
  return trimmed.startsWith('{') || trimmed.startsWith('[')
}

/** @param {string} message @param {string} [path] @returns {SourceResult} */
function failure(message, path = '') {
  return { ok: false, error: { path, message } }
}

/** @param {{ pointer: string, line: number, column: number }} at */
function tooDeep(at) {
  return failure(
    `The document nests objects and arrays more than ${MAX_NESTING_DEPTH} levels deep (at line ${at.line}, column ${at.column})`,
    at.pointer,
  )
}

/** @param {string} text @returns {SourceResult} */
function parseJson(text) {
  const deep = findTooDeepJson(text, MAX_NESTING_DEPTH)
  if (deep) return tooDeep(deep)
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return failure(`Invalid JSON: ${/** @type {Error} */ (error).message}`)
  }
}

/**
 * One pass over the characters, outside strings, keeping a stack of the open containers and the
 * key or index each is at, so a document nested too deep is named by its pointer and line.
 * @param {string} text
 * @param {number} maxDepth
 */
export function findTooDeepJson(text, maxDepth) {
  /** @type {Array<{ array: boolean, key: string, index: number }>} */
  const stack = []
  let line = 1
  let lineStart = 0
  let stringStart = -1
  let lastString = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (stringStart >= 0) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) {
        lastString = text.slice(stringStart, i)
        stringStart = -1
      }
      continue
    }
    if (c === 0x22) stringStart = i + 1
    else if (c === 0x0a) {
      line++
      lineStart = i + 1
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) {
        const tokens = stack.map((entry) => (entry.array ? entry.index : decodeJsonString(entry.key)))
        return { pointer: toPointer(tokens), line, column: i - lineStart + 1 }
      }
      stack.push({ array: c === 0x5b, key: '', index: 0 })
    } else if (c === 0x7d || c === 0x5d) stack.pop()
    else if (c === 0x3a) {
      const top = stack[stack.length - 1]
      if (top && !top.array) top.key = lastString
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1]
      if (top?.array) top.index++
    }
  }
  return null
}

/** @param {string} raw */
function decodeJsonString(raw) {
  try {
    return String(JSON.parse(`"${raw}"`))
  } catch {
    return raw
  }
}

/** @param {string} text @returns {SourceResult} */
function parseYaml(text) {
  const lineCounter = new LineCounter()
  /** @type {CST.Token[]} */
  let tokens
  try {
    // The CST parser keeps its own stack (no recursion); the composer below recurses per level,
    // so the depth is checked on the CST before anything is composed.
    tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text))
  } catch (error) {
    return failure(`Invalid YAML: ${/** @type {Error} */ (error).message}`)
  }
  const deep = findTooDeepYaml(tokens, MAX_NESTING_DEPTH)
  if (deep) {
    const { line, col } = lineCounter.linePos(deep.offset)
    return tooDeep({ pointer: toPointer(deep.path), line, column: col })
  }
  const composer = new Composer()
  const documents = Array.from(composer.compose(tokens, true, text.length))
  if (documents.length > 1) return failure('Invalid YAML: the text holds several documents (---); upload one')
  const document = documents[0]
  const first = document?.errors[0]
  if (first) {
    const at = first.pos[0] >= 0 ? lineCounter.linePos(first.pos[0]) : null
    return failure(`Invalid YAML: ${first.message}${at ? ` at line ${at.line}, column ${at.col}` : ''}`)
  }
  let value
  try {
    // maxAliasCount guards against "billion laughs" alias bombs.
    value = document?.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? null
  } catch (error) {
    const message = /** @type {Error} */ (error).message
    if (/alias count/i.test(message))
      return failure(
        `Invalid YAML: the document expands aliases (*name) more than ${MAX_YAML_ALIASES} times; write the values out instead`,
      )
    return failure(`Invalid YAML: ${message}`)
  }
  // Aliases can nest one deep anchor inside another, so the composed value is checked too.
  const aliased = findTooDeepValue(value, MAX_NESTING_DEPTH)
  if (aliased)
    return failure(
      `The document nests objects and arrays more than ${MAX_NESTING_DEPTH} levels deep once its YAML aliases are expanded`,
      toPointer(aliased),
    )
  return { ok: true, value }
}

/**
 * @typedef {{ token: CST.Token | null | undefined, depth: number, parent: Frame | null, key: string }} Frame
 * @param {CST.Token[]} tokens
 * @param {number} maxDepth
 * @returns {{ path: string[], offset: number } | null}
 */
export function findTooDeepYaml(tokens, maxDepth) {
  /** @type {Frame[]} */
  const work = tokens.map((token) => ({ token, depth: 0, parent: null, key: '' })).reverse()
  while (work.length > 0) {
    const frame = /** @type {Frame} */ (work.pop())
    const token = frame.token
    if (!token) continue
    if (token.type === 'document') {
      work.push({ token: token.value, depth: 0, parent: frame.parent, key: frame.key })
      continue
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue
    const depth = frame.depth + 1
    if (depth > maxDepth) return { path: pathOf(frame), offset: token.offset }
    const sequence = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.source === '[')
    for (let index = token.items.length - 1; index >= 0; index--) {
      const item = /** @type {{ key?: CST.Token | null, value?: CST.Token | null }} */ (token.items[index])
      const key = sequence ? String(index) : scalarText(item.key)
      work.push({ token: item.value, depth, parent: frame, key })
      if (item.key) work.push({ token: item.key, depth, parent: frame, key }) // a complex key: [a, b]: c
    }
  }
  return null
}

/** @param {Frame} frame */
function pathOf(frame) {
  /** @type {string[]} */
  const path = []
  for (let at = /** @type {Frame | null} */ (frame); at?.parent; at = at.parent) path.push(at.key)
  return path.reverse()
}

/** @param {CST.Token | null | undefined} token */
function scalarText(token) {
  const scalar = token ? CST.resolveAsScalar(token) : null
  return scalar ? String(scalar.value) : '?'
}

/**
 * The path to a container nested deeper than `maxDepth`, treating the value as a graph: YAML
 * aliases share objects, so a node is walked again only when reached deeper than before.
 * @param {unknown} root
 * @param {number} maxDepth
 * @returns {string[] | null}
 */
export function findTooDeepValue(root, maxDepth) {
  /** @type {Map<object, number>} */
  const deepestSeen = new Map()
  /** @typedef {{ node: unknown, depth: number, parent: Step | null, key: string }} Step */
  /** @type {Step[]} */
  const work = [{ node: root, depth: 0, parent: null, key: '' }]
  while (work.length > 0) {
    const step = /** @type {Step} */ (work.pop())
    const { node } = step
    if (node === null || typeof node !== 'object') continue
    const depth = step.depth + 1
    if (depth > maxDepth) {
      /** @type {string[]} */
      const path = []
      for (let at = /** @type {Step | null} */ (step); at?.parent; at = at.parent) path.push(at.key)
      return path.reverse()
    }
    if ((deepestSeen.get(node) ?? 0) >= depth) continue
    deepestSeen.set(node, depth)
    for (const [key, child] of Object.entries(node)) {
      if (child !== null && typeof child === 'object') work.push({ node: child, depth, parent: step, key })
    }
  }
  return null
}

// NUL bytes or a high share of control characters mean someone uploaded an image or an archive.
/** @param {string} text */
function looksBinary(text) {
  const sample = text.slice(0, 8192)
  if (sample.includes('\u0000')) return true
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++
  }
  return control / sample.length > 0.05
}
