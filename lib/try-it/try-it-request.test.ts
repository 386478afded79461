import { describe, expect, test } from 'vitest'
import { isSameOrigin } from './check-same-origin'
import { tryItRequestSchema } from './schemas'

const base = { keyId: 'key_1', versionId: 'ver_1', method: 'GET', path: '/pets/1' }

describe('the try-it request schema', () => {
  test('a plain request parses with empty query and headers', () => {
    expect(tryItRequestSchema.parse(base)).toEqual({ ...base, query: {}, headers: {}, stream: false })
  })

  test.each([
    ['a credentials header', { headers: { Authorization: 'Bearer tg_live_x' } }],
    ['a delegation header', { headers: { 'X-Tollgate-Delegation': 'key_2.1.sig' } }],
    ['a forwarded header', { headers: { 'x-forwarded-for': '10.0.0.1' } }],
    ['a header value with CRLF', { headers: { 'x-note': 'a\r\nx-api-key: b' } }],
    ['a header name with a space', { headers: { 'x note': 'a' } }],
    ['a path with a query', { path: '/pets?x=1' }],
    ['a path with a space', { path: '/pets 1' }],
    ['a path with ..', { path: '/pets/../../admin' }],
    ['a path with encoded ..', { path: '/pets/%2e%2e/admin' }],
    ['a path without a leading slash', { path: 'pets' }],
    ['an unknown method', { method: 'TRACE' }],
  ])('%s is refused', (_label, change) => {
    expect(tryItRequestSchema.safeParse({ ...base, ...change }).success).toBe(false)
  })
})

describe('isSameOrigin', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries)
  test.each([
    [{ origin: 'http://localhost:3000', host: 'localhost:3000' }, true],
    [{ origin: 'https://console.example.com', host: '10.0.0.5:3000', 'x-forwarded-host': 'console.example.com' }, true],
    [{ origin: 'https://evil.example', host: 'localhost:3000' }, false],
    [{ origin: 'http://localhost:3001', host: 'localhost:3000' }, false],
    [{ host: 'localhost:3000' }, false],
    [{ origin: 'null', host: 'localhost:3000' }, false],
  ])('%o → %s', (entries, expected) => {
    expect(isSameOrigin(headers(entries))).toBe(expected)
  })
})
