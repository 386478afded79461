import { timingSafeEqual } from 'node:crypto'
import { computeSignature } from './sign-webhook'

// What a receiver runs (docs/webhooks.md shows the same steps standalone). Several v1 entries
// are accepted, so a sender may sign with an old and a new secret during a rotation.

export type VerifyOptions = {
  /** Maximum age of the signature, in seconds; 5 minutes like Stripe. */
  toleranceSeconds?: number
  now?: Date
}

/** True when `header` signs exactly `body` with `secret`, recently enough. */
export function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): boolean {
  if (!header || !secret) return false
  const parts = header.split(',').map((part) => part.trim().split('='))
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1])
  const signatures = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value)
  if (!Number.isInteger(timestamp) || signatures.length === 0) return false
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000)
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false
  const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex')
  return signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex')
    // timingSafeEqual throws on different lengths; a short signature is simply wrong.
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
