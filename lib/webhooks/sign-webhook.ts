import { createHmac, randomBytes } from 'node:crypto'

// Stripe's scheme: the signature covers "<unix seconds>.<raw body>", so a receiver can reject
// replays (old t) and any change to the body. The HMAC key is the secret string as UTF-8.

export const SIGNATURE_HEADER = 'Tollgate-Signature'
export const SECRET_PREFIX = 'whsec_'

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`
}

export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')
}

/** The header value: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export function signWebhookPayload(secret: string, body: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000)
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`
}
