// Unit: the NOTIFY payload of a config event, and what a listener makes of payloads it did not send.
import { expect, test } from 'vitest'
import type { ChangeRow, KeyRow } from './change-rows'
import { decodeConfigNotice, encodeConfigNotice } from './config-change'

test.each([
  { version: 12, change: undefined, payload: '12' },
  { version: 13, change: { kind: 'key', id: 'key_abc' } as const, payload: '13 key key_abc' },
  { version: 14, change: { kind: 'version', id: 'ver_1' } as const, payload: '14 version ver_1' },
  { version: 15, change: { kind: 'subscription', id: 'sub_9' } as const, payload: '15 subscription sub_9' },
])('the notice of version $version travels as $payload and back', ({ version, change, payload }) => {
  expect(encodeConfigNotice(version, change)).toBe(payload)
  expect(decodeConfigNotice(payload)).toEqual(change ? { version, change } : { version })
})

test.each(['', 'twelve', '12.5', '12 plan pln_1', '12 key', '12 key key_1 extra'])(
  'a payload that is not ours (%j) is ignored',
  (payload) => {
    expect(decodeConfigNotice(payload)).toBeNull()
  },
)

const key: KeyRow = {
  id: 'key_abc',
  teamId: 'team_1',
  hash: 'h'.repeat(64),
  expiresAt: null,
  revokedAt: new Date('2026-12-04T10:11:12.345Z'),
  graceEndsAt: null,
  team: { slug: 'globex' },
  subscriptions: [{ subscriptionId: 'sub_1' }],
}
const keyRow: ChangeRow = { kind: 'key', key }

test('a notice with its row comes back with dates as dates', () => {
  const payload = encodeConfigNotice(16, { kind: 'key', id: 'key_abc' }, keyRow)
  expect(payload.startsWith('16 key key_abc {')).toBe(true)
  const decoded = decodeConfigNotice(payload)
  expect(decoded).toEqual({ version: 16, change: { kind: 'key', id: 'key_abc' }, row: keyRow })
  expect((decoded?.row as typeof keyRow & { kind: 'key' }).key.revokedAt).toBeInstanceOf(Date)
})

test('a row too large for a NOTIFY payload stays behind: the listener reads it itself', () => {
  const many = Array.from({ length: 400 }, (_, i) => ({ subscriptionId: `sub_${i}_${'x'.repeat(10)}` }))
  const payload = encodeConfigNotice(
    17,
    { kind: 'key', id: 'key_abc' },
    { kind: 'key', key: { ...key, subscriptions: many } },
  )
  expect(payload).toBe('17 key key_abc')
})

test('a row that is not the one the change names is refused', () => {
  const payload = encodeConfigNotice(18, { kind: 'key', id: 'key_other' }, keyRow)
  expect(decodeConfigNotice(payload)).toBeNull()
})
