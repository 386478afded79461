// What a config event says changed, when it is one row the gateway can re-read on its own: a key
// (created, revoked), a version (deprecated, retired) or a subscription (suspended, resumed). An
// event without one (a plan, an account, anything wider) makes every gateway reload in full.
// On PostgreSQL it travels in the NOTIFY payload beside the version: "12", "12 key key_abc".

export type ConfigChange = { readonly kind: 'key' | 'version' | 'subscription'; readonly id: string }

const KINDS: ReadonlySet<string> = new Set(['key', 'version', 'subscription'])

export function encodeConfigNotice(version: number, change?: ConfigChange): string {
  return change ? `${version} ${change.kind} ${change.id}` : String(version)
}

/** The version and change of a NOTIFY payload; null when it is not one of ours. */
export function decodeConfigNotice(payload: string): { version: number; change?: ConfigChange } | null {
  const [first, kind, id, ...rest] = payload.split(' ')
  if (!/^\d+$/.test(first) || rest.length > 0) return null
  const version = Number(first)
  if (kind === undefined) return { version }
  if (!KINDS.has(kind) || !id) return null
  return { version, change: { kind: kind as ConfigChange['kind'], id } }
}
