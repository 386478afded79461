// "Replay in try-it": the catalog page of the call's API, its try-it console prefilled with the
// call's method, path, query and body. Safe in client components.

export type ReplayRequest = { method: string; path: string; query: string; body: string }

const MAX_REPLAY_BODY = 8_000

/** The part of a gateway path after /gw/{team}/{api}/{version}, or null for another shape. */
export function gatewaySuffix(path: string): string | null {
  const match = /^\/gw\/[^/]+\/[^/]+\/[^/]+(\/.*)?$/.exec(path)
  return match ? (match[1] ?? '/') : null
}

export function replayHref(
  target: { teamSlug: string; apiSlug: string; version: string },
  call: { method: string; path: string; query: string | null; body: string | null },
): string | null {
  const suffix = gatewaySuffix(call.path)
  if (suffix === null) return null
  const replay: ReplayRequest = {
    method: call.method.toUpperCase(),
    path: suffix,
    query: call.query ?? '',
    body: call.body && call.body.length <= MAX_REPLAY_BODY ? call.body : '',
  }
  const params = new URLSearchParams({ version: target.version, replay: JSON.stringify(replay) })
  return `/catalog/${encodeURIComponent(target.teamSlug)}/${encodeURIComponent(target.apiSlug)}?${params}#try-it`
}

/** Reads ?replay= back; anything malformed is no replay at all. */
export function parseReplay(value: string | string[] | undefined): ReplayRequest | null {
  if (typeof value !== 'string' || value.length > MAX_REPLAY_BODY * 2) return null
  try {
    const raw: unknown = JSON.parse(value)
    if (typeof raw !== 'object' || raw === null) return null
    const { method, path, query, body } = raw as Record<string, unknown>
    if (typeof method !== 'string' || !/^[A-Z]{3,7}$/.test(method)) return null
    if (typeof path !== 'string' || !path.startsWith('/')) return null
    return {
      method,
      path,
      query: typeof query === 'string' ? query : '',
      body: typeof body === 'string' ? body : '',
    }
  } catch {
    return null
  }
}
