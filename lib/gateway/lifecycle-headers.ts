// Response headers that announce a version's decommissioning on the wire.

export function gatewayUrl(teamSlug: string, apiSlug: string, version: string): string {
  return `/gw/${teamSlug}/${apiSlug}/${version}`
}

export function buildLifecycleHeaders(input: {
  deprecatedAt: Date | null
  sunsetAt: Date | null
  successorUrl: string | null
}): Array<[string, string]> {
  const headers: Array<[string, string]> = []
  // RFC 9745 §2: Deprecation is a Structured Field Date (RFC 9651 §3.3.7), "@" + integer seconds.
  if (input.deprecatedAt) headers.push(['deprecation', `@${Math.floor(input.deprecatedAt.getTime() / 1000)}`])
  // RFC 8594 §3: Sunset is an HTTP-date; toUTCString() yields the IMF-fixdate form (RFC 9110 §5.6.7).
  if (input.sunsetAt) headers.push(['sunset', input.sunsetAt.toUTCString()])
  // RFC 8288 link with the successor-version relation type of RFC 5829 §3.
  if (input.successorUrl) headers.push(['link', `<${input.successorUrl}>; rel="successor-version"`])
  return headers
}
