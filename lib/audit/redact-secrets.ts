// What an audit row may never hold: a key, token, secret or password value. Fields are redacted by
// name (apiKey, webhookSecretEnc, passwordHash, a created key's `value`…) and any string that looks
// like one of Tollgate's own credentials or a provider key is redacted wherever it stands, so a
// secret echoed under an unexpected name still never reaches the log.

export const REDACTED = '[redacted]'

// Compared with the field name lower-cased and without `_` or `-`; a name ending in one of these is secret.
const SECRET_NAME_ENDINGS = [
  'secret',
  'password',
  'passwordhash',
  'token',
  'hash',
  'apikey',
  'authorization',
  'credential',
  'credentials',
  'headers',
  'enc',
]
// Exact names that are secret only on their own (`keyId` and `keyHint` are not).
const SECRET_NAMES = new Set(['key', 'value', 'cookie'])

// A credential's start and enough of its body to be one: a hint such as "sk-…abcd" is not.
const SECRET_VALUE = /^(tg_live_|tg_test_|tgm_|whsec_|sk-|sk_|Bearer\s)[^\s…]{4,}/i

// Shown to everyone by design (a key's "tg_live_ab12" prefix, a provider key's "sk-…abcd" hint).
const PUBLIC_NAME_ENDINGS = ['prefix', 'hint']

function isPublicName(name: string): boolean {
  const folded = name.toLowerCase()
  return PUBLIC_NAME_ENDINGS.some((ending) => folded.endsWith(ending))
}

function isSecretName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[-_]/g, '')
  return SECRET_NAMES.has(folded) || SECRET_NAME_ENDINGS.some((ending) => folded.endsWith(ending))
}

/** A JSON-safe copy with secrets replaced by REDACTED (dates as ISO text, bigints as strings). */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return SECRET_VALUE.test(value) ? REDACTED : value
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString()
  if (typeof value !== 'object') return typeof value === 'function' ? null : value
  // Deeper than any row we audit: cut it off rather than walk a cycle.
  if (depth > 8) return null
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue
    // A secret name holds the secret itself, or (headers) an object of them; `key: { id, name }` is a row.
    const secret = isSecretName(name) && item !== null && (typeof item !== 'object' || /headers$/i.test(name))
    out[name] = secret
      ? REDACTED
      : isPublicName(name) && typeof item === 'string'
        ? item
        : redactSecrets(item, depth + 1)
  }
  return out
}
