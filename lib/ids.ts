import { randomBytes } from 'node:crypto'

// Readable, prefixed ids (api_..., key_..., inc_...) make logs and support tickets easier to follow.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

export function randomToken(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length]
  return out
}

export function createId(prefix: string): string {
  return `${prefix}_${randomToken(20)}`
}
