// Secrets never reach the capture table: credentials, cookies and anything named like a token are
// replaced before a capture is queued. The list is by name, because a value cannot be told safe.

export const REDACTED = '[redacted]'

const SECRET_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
  'x-tollgate-key',
])

// Vendor headers that carry credentials under their own names (x-stripe-secret, x-github-token…).
const SECRET_PATTERN = /(secret|token|password|passwd|api[-_]?key|session|signature|credential)/

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase()
  return SECRET_NAMES.has(lower) || SECRET_PATTERN.test(lower)
}

export function redactHeaders(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  return pairs.map(([name, value]) => [name.toLowerCase(), isSecretHeader(name) ? REDACTED : value])
}

/** A query string with the values of secret-looking parameters replaced; the rest kept as sent. */
export function redactQuery(query: string): string {
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=')
      const name = eq === -1 ? part : part.slice(0, eq)
      let decoded = name
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '))
      } catch {
        // A malformed escape: judge the raw name.
      }
      return eq !== -1 && (isSecretHeader(decoded) || /^(key|auth|access_token)$/i.test(decoded))
        ? `${name}=${encodeURIComponent(REDACTED)}`
        : part
    })
    .join('&')
}
