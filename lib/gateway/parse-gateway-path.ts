import { isSafeSuffix } from './check-suffix'

// Step 1 of the pipeline: split /gw/{team}/{api}/{version}/{path...}?{query} without regexes or
// URL objects; this runs on every call. It only parses: the route is looked up by the caller.

export type GatewayTarget = {
  /** "team/api/version", the snapshot's route key. */
  routeKey: string
  /** Everything after the version, exactly as sent: "/path?query", "?query" or "". */
  suffix: string
}

export const GATEWAY_PREFIX = '/gw/'

/** The route key and suffix, or null for an address no route can answer (404). */
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
  // The suffix is joined to the upstream's base path byte for byte (proxy-request.ts); one the
  // upstream could resolve above that base path is refused before anything is forwarded.
  if (!isSafeSuffix(suffix)) return null
  return { routeKey, suffix }
}
