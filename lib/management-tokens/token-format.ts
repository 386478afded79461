import { sha256Hex } from '../crypto/hash'
import { randomToken } from '../ids'

// Management tokens look like tgm_<random>: a prefix of their own, so a leaked one is recognisable
// and can never be mistaken for a gateway key (tg_<env>_…). Only the SHA-256 and a display prefix
// are stored, as for API keys (lib/credentials/key-format.ts).
export const MANAGEMENT_TOKEN_PATTERN = /^tgm_[0-9a-z]{16,64}$/

export function generateManagementToken(): string {
  return `tgm_${randomToken(32)}`
}

export function hashManagementToken(value: string): string {
  return sha256Hex(value)
}

export function managementTokenPrefix(value: string): string {
  return value.slice(0, 'tgm_'.length + 6)
}
