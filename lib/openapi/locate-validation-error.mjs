// @ts-check
import { escapePointerToken } from './json-pointer.mjs'

// @readme/openapi-parser reports schema errors as code frames over JSON.stringify(document, null, 2)
// ("> 21 |   \"400\": {") and spec errors as prose naming a path ("`/paths/pets/{id}/get` is ...").
// Neither carries a JSON pointer, so we recover one: the code-frame line maps back to the pointer
// of the value printed on that line, and a named path is matched against the document's path keys.
// Plain .mjs because it runs in the validation worker (openapi-worker.mjs).

/**
 * For each line of JSON.stringify(value, null, 2) (1-based), the pointer of what starts there.
 * The value's nesting is capped at parse time (MAX_NESTING_DEPTH), so the recursion is bounded.
 * @param {unknown} value
 * @returns {string[]}
 */
export function pointersByLine(value) {
  /** @type {string[]} */
  const lines = ['', '']
  /** @param {unknown} node @param {string} pointer */
  const walk = (node, pointer) => {
    if (node === null || typeof node !== 'object') return
    const entries = Array.isArray(node)
      ? node.map((item, index) => /** @type {const} */ ([String(index), item]))
      : Object.entries(/** @type {Record<string, unknown>} */ (node)).filter(
          ([, v]) => v !== undefined && typeof v !== 'function',
        )
    if (entries.length === 0) return
    for (const [key, child] of entries) {
      const childPointer = `${pointer}/${escapePointerToken(key)}`
      lines.push(childPointer)
      walk(child, childPointer)
    }
    lines.push(pointer) // the closing bracket
  }
  walk(value, '')
  return lines
}

/** @typedef {{ path: string, message: string }} LocatedError */

/**
 * @param {string} rawMessage
 * @param {() => string[]} lineMap
 * @param {string[]} pathKeys
 * @returns {LocatedError}
 */
export function locateValidationError(rawMessage, lineMap, pathKeys) {
  const [summary, ...rest] = rawMessage.split('\n\n')
  const frame = rest.join('\n\n')
  const message = summary
    .replace(/^[A-Z]+ /, '')
    .replace(/\n/g, ' ')
    .trim()
  const marker = frame.match(/^>\s*(\d+)\s*\|/m)
  if (marker) {
    const line = Number(marker[1])
    const hint = frame.match(/\^+\s+(.+)$/m)?.[1]?.trim()
    // "description is missing here!" repeats the message; other hints ("Did you mean string?") help.
    const useful = hint && !/is missing here!$/.test(hint) && !message.includes(hint)
    return { path: lineMap()[line] ?? '', message: useful ? `${message} (${hint})` : message }
  }
  const named = summary.match(/`(\/(?:paths|components|webhooks)[^`]*)`/)
  if (named) return { path: namedPathToPointer(named[1], pathKeys), message: summary }
  return { path: '', message: summary }
}

// "/paths/pets/{id}/get" → "/paths/~1pets~1{id}/get": the longest matching path key wins.
/** @param {string} named @param {string[]} pathKeys */
function namedPathToPointer(named, pathKeys) {
  if (!named.startsWith('/paths/')) return named
  const rest = named.slice('/paths'.length)
  const key = [...pathKeys].sort((a, b) => b.length - a.length).find((k) => rest === k || rest.startsWith(`${k}/`))
  if (!key) return '/paths'
  const tail = rest.slice(key.length)
  return `/paths/${escapePointerToken(key)}${tail}`
}
