// Unit: the NOTIFY payload of a config event, and what a listener makes of payloads it did not send.
import { expect, test } from 'vitest'
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
