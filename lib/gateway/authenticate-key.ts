import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { hashKey, KEY_PATTERN } from '../credentials/key-format'
import type { GatewayErrorCode } from './gateway-errors'
import type { KeyEntry, Snapshot, SubscriptionEntry, RouteEntry } from './snapshot-types'
import { subscriptionKey } from './snapshot-types'
import { DELEGATION_HEADER, verifyDelegation } from '../credentials/delegation'

// Steps 2 and 4 of the pipeline: who is calling, and may they call this API.

/** The token of an `Authorization: Bearer ...` header (RFC 6750 §2.1), if that is its scheme. */
export function bearerToken(authorization: string | undefined): string | null {
  // RFC 9110 §11.1: the auth scheme is case-insensitive.
  if (authorization && authorization.length > 7 && authorization.slice(0, 7).toLowerCase() === 'bearer ') {
    return authorization.slice(7).trim()
  }
  return null
}

/** Shaped like a Tollgate key (tg_<env>_...): such a credential is the gateway's, never the upstream's. */
export function isTollgateKeyLike(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length > 3 && value.slice(0, 3).toLowerCase() === 'tg_'
}

/**
 * The raw key from `Authorization: Bearer ...` or `X-Api-Key`, if any. A Tollgate-shaped bearer
 * token wins; otherwise X-Api-Key does, so a caller can send the upstream's own bearer token
 * (passed through) next to a Tollgate key in X-Api-Key.
 */
export function extractKey(headers: IncomingHttpHeaders): string | null {
  const bearer = bearerToken(headers.authorization)
  if (isTollgateKeyLike(bearer)) return bearer
  const apiKey = headers['x-api-key']
  if (typeof apiKey === 'string' && apiKey.trim().length > 0) return apiKey.trim()
  return bearer
}

/**
 * More than one Authorization or X-Api-Key line, or two different Tollgate keys in the two:
 * Node keeps only the first Authorization and joins X-Api-Key lines, so which key "counts" would be
 * the parser's choice, and a proxy in front may have chosen differently. Refused (400) instead.
 */
export function hasAmbiguousCredentials(req: IncomingMessage): boolean {
  const raw = req.rawHeaders
  let authorizations = 0
  let apiKeys = 0
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]
    // Compare lengths first: most header names need no lower-casing at all.
    if (name.length === 13 && name.toLowerCase() === 'authorization') authorizations++
    else if (name.length === 9 && name.toLowerCase() === 'x-api-key') apiKeys++
  }
  if (authorizations > 1 || apiKeys > 1) return true
  if (authorizations === 0 || apiKeys === 0) return false
  const bearer = bearerToken(req.headers.authorization)
  const apiKey = (req.headers['x-api-key'] as string | undefined)?.trim()
  return isTollgateKeyLike(bearer) && isTollgateKeyLike(apiKey) && bearer !== apiKey
}

/** A KeyEntry, or the error code to answer with. */
export function authenticateKey(
  headers: IncomingHttpHeaders,
  snapshot: Snapshot,
  now: number,
): KeyEntry | GatewayErrorCode {
  const key = lookUpKey(headers, snapshot, now)
  if (typeof key === 'string') return key
  // Times are checked per call, not at snapshot build: expiry needs no reload to take effect.
  // A revocation or grace end set in the future is a scheduled one; it applies from that moment.
  // A rotated key past its grace period counts as expired: it ran out of time, nobody revoked it.
  if (key.revokedAt <= now) return 'key_revoked'
  if (key.graceEndsAt <= now) return 'key_expired'
  if (key.expiresAt <= now) return 'key_expired'
  return key
}

function lookUpKey(headers: IncomingHttpHeaders, snapshot: Snapshot, now: number): KeyEntry | GatewayErrorCode {
  const delegation = headers[DELEGATION_HEADER]
  if (typeof delegation === 'string') {
    // The console's try-it route, acting for a signed-in user with one of their team's keys
    // (only key hashes are stored, so the console cannot send the key itself).
    const keyId = verifyDelegation(delegation, now)
    return (keyId === null ? undefined : snapshot.keysById.get(keyId)) ?? 'invalid_key'
  }
  const raw = extractKey(headers)
  if (raw === null) return 'missing_key'
  // Malformed keys never reach the hash: they cannot match, and hashing junk wastes the hot path.
  if (!KEY_PATTERN.test(raw)) return 'invalid_key'
  return snapshot.keysByHash.get(hashKey(raw)) ?? 'invalid_key'
}

/** The first ACTIVE subscription of the key's team to this API that the key is allowed to use. */
export function findSubscription(snapshot: Snapshot, key: KeyEntry, route: RouteEntry): SubscriptionEntry | null {
  const list = snapshot.subscriptions.get(subscriptionKey(key.teamId, route.apiId))
  if (!list) return null
  const allowed = key.allowedSubscriptions
  for (const subscription of list) {
    if (allowed === null || allowed.has(subscription.id)) return subscription
  }
  return null
}
