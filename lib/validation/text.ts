import { z } from 'zod'

// Text people type into the console (names, labels, descriptions, reasons) ends up in other
// tenants' views of the shared catalog, in CSV exports and in PostgreSQL. So it is normalised
// (NFC, trimmed) and refused when it carries characters nobody types on purpose: NUL (PostgreSQL
// cannot store it), other C0/C1 controls, and the Unicode bidi controls that make
// "abc\u202Egnp.exe" render as "abcexe.png" (the "Trojan Source" trick, CVE-2021-42574).

/** Unicode bidirectional formatting characters (UAX #9), with their names for the field error. */
const BIDI_CONTROLS: Record<number, string> = {
  0x061c: 'Arabic letter mark',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
}

const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line break',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
}

export type ForbiddenCharacter = {
  /** The code point, e.g. 0x202e. */
  codePoint: number
  /** "U+202E (right-to-left override)" */
  label: string
  /** Position in the (normalised) text, counted in code points from 0. */
  index: number
}

export type TextOptions = {
  /** Descriptions, reasons and notes may keep line breaks and tabs; names and labels may not. */
  multiline?: boolean
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`

function forbiddenName(codePoint: number, multiline: boolean): string | null {
  if (BIDI_CONTROLS[codePoint]) return BIDI_CONTROLS[codePoint]
  if (multiline && (codePoint === 0x09 || codePoint === 0x0a)) return null
  const c0 = codePoint <= 0x1f
  const c1 = codePoint >= 0x7f && codePoint <= 0x9f
  const separator = !multiline && (codePoint === 0x2028 || codePoint === 0x2029)
  if (c0 || c1 || separator) return CONTROL_NAMES[codePoint] ?? 'control character'
  // A lone UTF-16 surrogate is not a character at all; it cannot be encoded as UTF-8.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'unpaired surrogate'
  return null
}

/** The first character human-entered text may not contain, or null when it is clean. */
export function findForbiddenCharacter(
  value: string,
  { multiline = false }: TextOptions = {},
): ForbiddenCharacter | null {
  let index = 0
  for (const char of value) {
    const codePoint = char.codePointAt(0)!
    const name = forbiddenName(codePoint, multiline)
    if (name) return { codePoint, label: `${hex(codePoint)} (${name})`, index }
    index++
  }
  return null
}

/** The field error for a forbidden character: it says which one, since most are invisible. */
export function forbiddenCharacterMessage(found: ForbiddenCharacter): string {
  if (
    found.codePoint === 0x0a ||
    found.codePoint === 0x0d ||
    found.codePoint === 0x2028 ||
    found.codePoint === 0x2029
  ) {
    return `Use a single line: remove the ${found.label}`
  }
  return `Remove the invisible character ${found.label}`
}

// Browsers send a textarea's line breaks as CRLF; one form is stored.
const toLf = (value: string) => value.replace(/\r\n?/g, '\n')

/**
 * Human-entered text: NFC-normalised, trimmed, and refused (one field error naming the character)
 * when it holds a control or bidi character. Chain `.min()`/`.max()` as on any z.string(); they
 * count the normalised text. Running it twice gives the same result, so an action and the lib
 * function behind it may both parse the same input.
 */
export function plainText({ multiline = false }: TextOptions = {}) {
  const base = multiline ? z.string().overwrite(toLf) : z.string()
  return base
    .normalize('NFC')
    .trim()
    .superRefine((value, ctx) => {
      const found = findForbiddenCharacter(value, { multiline })
      // Stop here: "use at least 2 characters" next to "remove U+202E" would only confuse.
      if (found) ctx.addIssue({ code: 'custom', message: forbiddenCharacterMessage(found), continue: false })
    })
}

/**
 * Search text from a URL or a search box: normalised like stored text, with the characters
 * plainText refuses replaced by spaces (a query is never an error, and NUL would be a 500 on
 * PostgreSQL), then trimmed.
 */
export function cleanSearchText(value: string): string {
  let out = ''
  for (const char of value.normalize('NFC')) out += forbiddenName(char.codePointAt(0)!, false) ? ' ' : char
  return out.trim()
}

/** A search parameter: cleanSearchText, then the usual z.string() checks (`.max()`, `.min()`). */
export function searchText() {
  return z.string().overwrite(cleanSearchText)
}
