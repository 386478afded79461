// A curl command that repeats a call, for the call's detail page. Safe in client components.
// The key is never in it: the caller's key headers become `$TOLLGATE_KEY`, which the shell
// expands from the user's environment, so the command can be pasted into a ticket as it is.

export type CurlInput = {
  /** The console's origin, e.g. "https://tollgate.example.com". */
  origin: string
  method: string
  /** The gateway path as called: /gw/{team}/{api}/{version}/… */
  path: string
  query: string | null
  /** Captured request headers (already redacted), or none when the version kept no capture. */
  headers: ReadonlyArray<readonly [string, string]>
  body: string | null
}

// Not repeated: the key (re-added as $TOLLGATE_KEY), what curl sets itself, and what was redacted.
const SKIPPED = new Set([
  'authorization',
  'x-api-key',
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'accept-encoding',
  'user-agent',
  'cookie',
])

/** POSIX single quotes: nothing inside is expanded; a quote is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export function buildCurlCommand({ origin, method, path, query, headers, body }: CurlInput): string {
  const url = `${origin}${path}${query ? `?${query}` : ''}`
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(url)}`]
  // Double quotes on purpose: the shell must expand $TOLLGATE_KEY.
  lines.push(`-H "Authorization: Bearer $TOLLGATE_KEY"`)
  for (const [name, value] of headers) {
    if (SKIPPED.has(name.toLowerCase()) || value === '[redacted]') continue
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  }
  if (body !== null && body !== '') lines.push(`--data-raw ${shellQuote(body)}`)
  return lines.join(' \\\n  ')
}
