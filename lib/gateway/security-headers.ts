import type { OutHeaders } from './out-headers'

// Every /gw answer, the gateway's own and the upstream's, is served from the console's origin
// (unless the gateway has a host name of its own). So no answer may run script or forms there, be
// framed, or be sniffed into HTML: these override whatever the upstream sent. Constant arrays, so
// the hot path only assigns three strings.

/** A sandbox makes the document's origin opaque: even HTML an upstream returns cannot reach the console. */
export const GATEWAY_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', GATEWAY_CSP],
]

/** Sets the three headers on `out` (lower-case names, as upstream headers arrive), replacing any upstream value. */
export function addSecurityHeaders(out: OutHeaders, csp: string = GATEWAY_CSP): void {
  for (const [name, value] of SECURITY_HEADERS) out[name] = value
  if (csp !== GATEWAY_CSP) out['content-security-policy'] = csp
}
