import { sha256Hex } from '../crypto/hash'
import { randomToken } from '../ids'

// Keys look like tg_<env>_<random>. Only the SHA-256 hash and a display prefix are stored.
// One definition for the console that issues keys (lib/keys) and the gateway that checks them.
export const KEY_PATTERN = /^tg_[a-z]+_[0-9a-z]{16,64}$/

export function generateKeyValue(env = 'live'): string {
  return `tg_${env}_${randomToken(32)}`
}

export function hashKey(value: string): string {
  return sha256Hex(value)
}

export function keyDisplayPrefix(value: string): string {
  const env = value.split('_')[1] ?? 'live'
  return value.slice(0, `tg_${env}_`.length + 6)
}
