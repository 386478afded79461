import { decodeChangeRow, encodeChangeRow, type ChangeRow } from './change-rows'

// What a config event says changed, when it is one row the gateway can re-read on its own: a key
// (created, revoked), a version (deprecated, retired) or a subscription (suspended, resumed). An
// event without one (a plan, an account, anything wider) makes every gateway reload in full.
// On PostgreSQL it travels in the NOTIFY payload beside the version: "12", "12 key key_abc", or
// with the row itself after the id (change-rows.ts): "12 key key_abc {…}".

export type ConfigChange = { readonly kind: 'key' | 'version' | 'subscription'; readonly id: string }

export type ConfigNotice = { version: number; change?: ConfigChange; row?: ChangeRow }

const KINDS: ReadonlySet<string> = new Set(['key', 'version', 'subscription'])

// PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a larger row is left for the
// listener to read.
const MAX_PAYLOAD = 7_900

export function encodeConfigNotice(version: number, change?: ConfigChange, row?: ChangeRow | null): string {
  if (!change) return String(version)
  const bare = `${version} ${change.kind} ${change.id}`
  if (!row) return bare
  const withRow = `${bare} ${encodeChangeRow(row)}`
  return Buffer.byteLength(withRow) < MAX_PAYLOAD ? withRow : bare
}

/** The version, change and row of a NOTIFY payload; null when it is not one of ours. */
export function decodeConfigNotice(payload: string): ConfigNotice | null {
  const [first, kind, id, ...rest] = payload.split(' ')
  if (!/^\d+$/.test(first)) return null
  const version = Number(first)
  if (kind === undefined) return { version }
  if (!KINDS.has(kind) || !id) return null
  const change = { kind: kind as ConfigChange['kind'], id }
  if (rest.length === 0) return { version, change }
  const row = decodeChangeRow(rest.join(' '), change)
  return row ? { version, change, row } : null
}
