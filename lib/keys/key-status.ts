import type { KeyStatus } from './schemas'

type KeyTimes = { expiresAt: Date | null; revokedAt: Date | null; graceEndsAt: Date | null }

/**
 * The status the console shows, with the same precedence as the gateway's check
 * (lib/gateway/authenticate-key.ts): revoked, then a finished grace period or expiry. A rotated
 * key still inside its grace period is GRACE; a time set in the future has not happened yet.
 */
export function keyStatus(key: KeyTimes, now = Date.now()): KeyStatus {
  if (key.revokedAt && key.revokedAt.getTime() <= now) return 'REVOKED'
  if (key.graceEndsAt && key.graceEndsAt.getTime() <= now) return 'EXPIRED'
  if (key.expiresAt && key.expiresAt.getTime() <= now) return 'EXPIRED'
  if (key.graceEndsAt) return 'GRACE'
  return 'ACTIVE'
}
