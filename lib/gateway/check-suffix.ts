// DESIGN, "Trust boundaries": the gateway joins the version's base path and the caller's suffix
// byte for byte, and the upstream then normalises what it received. WHATWG URL parsing (Node,
// browsers, most frameworks) turns "\" into "/" and resolves "." and ".." segments, percent-encoded
// ones included (URL Standard, path state); Java servers drop ";params" first ("..;/"); some
// servers decode twice, or strip tabs and trailing spaces. So a suffix path (the part before "?")
// is refused when it contains, at any level of decoding:
//   - a backslash, a NUL or another control character, raw or percent-encoded;
//   - an encoded ".", "/" or "\" (%2e, %2f, %5c, and %252e etc. once decoded);
//   - a dot segment (".", "..", also "..;x" and ".. ");
//   - invalid percent-encoding (raw) or invalid UTF-8 (overlong "%c0%ae" included);
//   - escapes still left after MAX_DECODE_ROUNDS decodings.
// A path without "%" is checked in one allocation-free pass; only escapes are decoded.

const MAX_DECODE_ROUNDS = 4

const CLEAN = 0
const ENCODED = 1
const REFUSE = 2
type Scan = typeof CLEAN | typeof ENCODED | typeof REFUSE

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** True when the suffix ("/path?query", "?query" or "") may be forwarded as it is. */
export function isSafeSuffix(suffix: string): boolean {
  let end = suffix.indexOf('?')
  if (end === -1) end = suffix.length
  const first = scan(suffix, end, true)
  if (first !== ENCODED) return first === CLEAN
  let current = suffix.slice(0, end)
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const decoded = decodeOnce(current)
    if (decoded === null) return false
    const result = scan(decoded, decoded.length, false)
    if (result !== ENCODED) return result === CLEAN
    current = decoded
  }
  return false
}

/** The byte a "%XX" escape at `at` (the "%") stands for, or -1 when it is not one. */
function escapedByte(s: string, at: number): number {
  if (at + 2 >= s.length) return -1
  const hi = hexValue(s.charCodeAt(at + 1))
  const lo = hexValue(s.charCodeAt(at + 2))
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  const lower = c | 0x20
  return lower >= 97 && lower <= 102 ? lower - 87 : -1
}

const isForbiddenByte = (b: number): boolean => b === 0x2e || b === 0x2f || b === 0x5c || b < 0x20 || b === 0x7f

/**
 * One level of the path, s[0..end). `raw` is the text as it arrived on the wire, where only
 * printable ASCII is valid and every "%" must start an escape; in decoded levels a stray "%" is a
 * literal (a second decoding leaves it as it is) and non-ASCII text is ordinary.
 */
function scan(s: string, end: number, raw: boolean): Scan {
  let encoded = false
  // Within the current segment: dots and other characters before any ";", "?" or "#".
  let dots = 0
  let others = 0
  let inParams = false
  for (let i = 0; i <= end; i++) {
    const c = i === end ? 47 : s.charCodeAt(i)
    if (c === 47 /* / */) {
      if (dots > 0 && others === 0) return REFUSE
      dots = 0
      others = 0
      inParams = false
      continue
    }
    if (c < 0x20 || c === 0x7f || c === 92 /* \ */) return REFUSE
    // A request target is printable ASCII without a fragment (RFC 9112 §3.2).
    if (raw && (c === 32 || c === 35 /* # */ || c > 0x7e)) return REFUSE
    if (c === 37 /* % */) {
      const byte = escapedByte(s, i)
      if (byte === -1) {
        if (raw) return REFUSE
        if (!inParams) others++
        continue
      }
      if (isForbiddenByte(byte)) return REFUSE
      encoded = true
      i += 2
      if (!inParams) others++
      continue
    }
    if (inParams) continue
    // Path parameters (";jsessionid=..", Tomcat) and, once decoded, "?" and "#" end the segment's name.
    if (c === 59 /* ; */ || c === 63 /* ? */ || c === 35 /* # */) inParams = true
    else if (c === 46 /* . */) dots++
    // Windows and IIS drop trailing spaces from names: ".. " is "..".
    else if (c !== 32) others++
  }
  return encoded ? ENCODED : CLEAN
}

/** Decodes every valid escape once (other text stays as it is); null when the bytes are not UTF-8. */
function decodeOnce(s: string): string | null {
  const bytes: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 37) {
      const byte = escapedByte(s, i)
      if (byte !== -1) {
        bytes.push(byte)
        i += 2
        continue
      }
    }
    if (c < 0x80) {
      bytes.push(c)
      continue
    }
    // Text from an earlier round (valid UTF-8 by then): re-encode it as it was.
    const codePoint = s.codePointAt(i)!
    if (codePoint > 0xffff) i++
    for (const byte of Buffer.from(String.fromCodePoint(codePoint), 'utf8')) bytes.push(byte)
  }
  try {
    return utf8.decode(Uint8Array.from(bytes))
  } catch {
    return null
  }
}
