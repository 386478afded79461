import { expect, test } from 'vitest'
import { contentSecurityPolicy, createNonce } from './content-security-policy'

const scriptSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('script-src ')) ?? ''

test.each([
  ['production', false, ["'self'", "'nonce-abc'", "'strict-dynamic'"]],
  // React reconstructs server error stacks with eval in development only.
  ['development', true, ["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]],
])('in %s, scripts run only with the nonce', (_mode, dev, sources) => {
  const policy = contentSecurityPolicy('abc', { dev })
  expect(scriptSrc(policy).split(' ').slice(1)).toEqual(sources)
  expect(scriptSrc(policy)).not.toContain("'unsafe-inline'")
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("object-src 'none'")
})

test('each nonce is fresh: 128 random bits in base64', () => {
  const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()))
  expect(nonces.size).toBe(1000)
  for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
})
