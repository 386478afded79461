// Step 1 of the pipeline: split /gw/{team}/{api}/{version}/{path...}?{query} without regexes or
// URL objects; this runs on every call.

export type GatewayTarget = {
  /** "team/api/version", the snapshot's route key. */
  routeKey: string
  /** Everything after the version: "/path?query", "?query" or "". */
  suffix: string
}

export const GATEWAY_PREFIX = '/gw/'

export function parseGatewayPath(url: string): GatewayTarget | null {
  if (!url.startsWith(GATEWAY_PREFIX)) return null
  const teamEnd = url.indexOf('/', GATEWAY_PREFIX.length)
  if (teamEnd <= GATEWAY_PREFIX.length) return null
  const apiEnd = url.indexOf('/', teamEnd + 1)
  if (apiEnd <= teamEnd + 1) return null
  let versionEnd = apiEnd + 1
  while (versionEnd < url.length) {
    const c = url.charCodeAt(versionEnd)
    if (c === 47 /* / */ || c === 63 /* ? */) break
    versionEnd++
  }
  if (versionEnd === apiEnd + 1) return null
  const routeKey = url.slice(GATEWAY_PREFIX.length, versionEnd)
  // A "?" inside the team or api segment means the path ended early: no such route.
  if (routeKey.indexOf('?') !== -1) return null
  const suffix = url.slice(versionEnd)
  if (hasDotSegment(suffix)) return null
  return { routeKey, suffix }
}

/** The path part of the suffix (no query), as metered. */
export function suffixPath(suffix: string): string {
  const q = suffix.indexOf('?')
  return q === -1 ? suffix : suffix.slice(0, q)
}

// RFC 3986 §5.2.4 would resolve "/v1/../../admin" above the version's base path on the upstream;
// such paths (plain or percent-encoded) are refused instead of forwarded.
function hasDotSegment(suffix: string): boolean {
  if (suffix.indexOf('.') === -1 && suffix.indexOf('%') === -1) return false
  const path = suffixPath(suffix).replace(/%2e/gi, '.').replace(/%2f/gi, '/')
  return /(^|\/)\.\.?(\/|$)/.test(path)
}
