import { describe, expect, test } from 'vitest'
import { REDACTED, redactSecrets } from './redact-secrets'

// What an audit row may hold: everything but a secret, wherever it stands.

describe('redaction', () => {
  test.each([
    [
      'a created key’s value',
      { key: { id: 'key_1' }, value: 'tg_live_abc' },
      { key: { id: 'key_1' }, value: REDACTED },
    ],
    [
      'secrets by name',
      { apiKey: 'x', webhookSecretEnc: 'y', passwordHash: 'z', keyHint: 'sk-…abcd' },
      { apiKey: REDACTED, webhookSecretEnc: REDACTED, passwordHash: REDACTED, keyHint: 'sk-…abcd' },
    ],
    [
      'a credential under any name',
      { note: 'tgm_0123abcd', other: ['whsec_1234abcd'] },
      { note: REDACTED, other: [REDACTED] },
    ],
    [
      'ids, counts and token limits stay',
      { keyId: 'key_1', tokensPerMinute: 5, maxOutputTokens: 9, prefix: 'tg_live_ab12' },
      { keyId: 'key_1', tokensPerMinute: 5, maxOutputTokens: 9, prefix: 'tg_live_ab12' },
    ],
    ['bigints and dates as text', { price: 2000n, at: new Date(0) }, { price: '2000', at: '1970-01-01T00:00:00.000Z' }],
  ])('redacts %s', (_label, value, expected) => {
    expect(redactSecrets(value)).toEqual(expected)
  })
})
