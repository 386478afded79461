import { describe, expect, test } from 'vitest'
import { signDelegation, verifyDelegation } from './delegation'

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0)
const SECRET = 'delegation-test-secret'
const sign = (keyId = 'key_abc123', ttlSeconds = 60, now = NOW) =>
  signDelegation(keyId, { now, ttlSeconds, secret: SECRET })

describe('verifyDelegation', () => {
  test('a fresh header verifies to its key id', () => {
    const header = sign()
    expect(header).toMatch(/^key_abc123\.\d+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyDelegation(header, NOW, SECRET)).toBe('key_abc123')
    expect(verifyDelegation(header, NOW + 59_000, SECRET)).toBe('key_abc123')
  })

  test('the process secret (TOLLGATE_SECRET) is the default on both sides', () => {
    expect(verifyDelegation(signDelegation('key_env', { now: NOW }), NOW)).toBe('key_env')
    expect(verifyDelegation(signDelegation('key_env', { now: NOW }), NOW, SECRET)).toBeNull()
  })

  const [keyId, expiry, signature] = sign().split('.')
  const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1)
  test.each([
    ['expired', sign(), NOW + 60_000, SECRET],
    ['expired long ago', sign('key_abc123', 60, NOW - 3_600_000), NOW, SECRET],
    ['another key id, same signature', `key_other.${expiry}.${signature}`, NOW, SECRET],
    ['a later expiry, same signature', `${keyId}.${Number(expiry) + 30}.${signature}`, NOW, SECRET],
    ['a tampered signature', `${keyId}.${expiry}.${flip(signature)}`, NOW, SECRET],
    ['a truncated signature', `${keyId}.${expiry}.${signature.slice(0, 20)}`, NOW, SECRET],
    ['the wrong secret', sign(), NOW, 'another-secret'],
    ['an implausibly long life', sign('key_abc123', 3600), NOW, SECRET],
    ['no signature', `${keyId}.${expiry}`, NOW, SECRET],
    ['extra parts', `${keyId}.${expiry}.${signature}.x`, NOW, SECRET],
    ['a non-numeric expiry', `${keyId}.soon.${signature}`, NOW, SECRET],
    ['an empty header', '', NOW, SECRET],
    ['a real key instead', 'tg_live_0123456789abcdef0123456789abcdef', NOW, SECRET],
  ])('%s → null', (_label, header, now, secret) => {
    expect(verifyDelegation(header, now, secret)).toBeNull()
  })

  test('an undefined header is null', () => {
    expect(verifyDelegation(undefined, NOW, SECRET)).toBeNull()
  })

  test('a key id with a dot cannot be signed (it would change the parse)', () => {
    expect(() => signDelegation('key.evil', { now: NOW, secret: SECRET })).toThrow()
  })
})
