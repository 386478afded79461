import { createHmac, timingSafeEqual } from 'node:crypto'

// The console's try-it route calls the gateway on the user's behalf with one of their team's keys.
// Only key hashes are stored, so it cannot send the key itself; it sends this instead:
//
//   X-Tollgate-Delegation: <keyId>.<expiryUnixSeconds>.<base64url(HMAC-SHA256(secret, "<keyId>.<expiry>"))>
//
// The gateway (same TOLLGATE_SECRET) treats a valid header as that key. Lifetimes are short, so a
// header that leaks (a log line) is worthless within a minute.

export const DELEGATION_HEADER = 'x-tollgate-delegation'
export const DELEGATION_TTL_SECONDS = 60
/** A header claiming a longer life than this was not minted by us (or the clocks disagree wildly). */
const MAX_TTL_SECONDS = 300
// Key ids come from createId('key'): "key_" and lower-case letters and digits. No dots, by design.
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

function envSecret(): string {
  const secret = process.env.TOLLGATE_SECRET || process.env.AUTH_SECRET
  if (!secret) throw new Error('TOLLGATE_SECRET is not set (npm start generates one in .env.local)')
  return secret
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/** Mints a header value for `keyId`, valid until now + ttl. `now` is epoch milliseconds. */
export function signDelegation(
  keyId: string,
  options: { now?: number; ttlSeconds?: number; secret?: string } = {},
): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new Error('Invalid key id for delegation')
  const expiry = Math.floor((options.now ?? Date.now()) / 1000) + (options.ttlSeconds ?? DELEGATION_TTL_SECONDS)
  const payload = `${keyId}.${expiry}`
  return `${payload}.${mac(payload, options.secret ?? envSecret())}`
}

/**
 * The key id a delegation header stands for, or null when it is malformed, forged, expired or
 * implausibly long-lived. Pure apart from reading the secret; `now` is epoch milliseconds.
 */
export function verifyDelegation(header: string | undefined | null, now: number, secret?: string): string | null {
  if (!header || header.length > 300) return null
  const parts = header.split('.')
  if (parts.length !== 3) return null
  const [keyId, expiryText, signature] = parts
  if (!KEY_ID_PATTERN.test(keyId) || !/^\d{1,12}$/.test(expiryText)) return null
  const expiry = Number(expiryText)
  const nowSeconds = now / 1000
  if (expiry <= nowSeconds || expiry - nowSeconds > MAX_TTL_SECONDS) return null
  let key: string
  try {
    key = secret ?? envSecret()
  } catch {
    return null
  }
  const expected = Buffer.from(mac(`${keyId}.${expiryText}`, key))
  const given = Buffer.from(signature)
  // Constant-time comparison: the signature must not be guessable byte by byte from timings.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return keyId
}
