import { describe, expect, test } from 'vitest'
import { describeAs, describeChange, targetTypeOf } from './describe-change'

// The entry a transport writes by itself names the row the change was about.

describe('the target', () => {
  test.each([
    ['the created row', 'key.create', { name: 'k' }, { id: 'key_1', value: 'tg_live_x' }, undefined, 'key_1'],
    [
      'the id of the kind the name says',
      'version.delete',
      { versionId: 'ver_1' },
      { apiId: 'api_1' },
      undefined,
      'ver_1',
    ],
    ['the input’s id when the result names none', 'key.revoke', { keyId: 'key_2' }, undefined, 'team_1', 'key_2'],
    ['a wrapped row', 'key.rotate', { keyId: 'key_old' }, { key: { id: 'key_new' } }, undefined, 'key_new'],
    ['the fallback when neither names one', 'team.update', { name: 'A' }, { name: 'A' }, 'team_1', 'team_1'],
  ])('is %s', (_label, action, input, result, fallback, expected) => {
    const change = describeChange(action, input, result, fallback)
    expect({ id: change.targetId, type: change.targetType }).toEqual({
      id: expected,
      type: targetTypeOf(expected),
    })
  })
})

test('an action marked false describes nothing; a named one falls back to the team', () => {
  expect(describeAs(false, { versionId: 'ver_1' }, 'team_1')({ ok: true })).toBeNull()
  expect(describeAs('team.update', { name: 'A' }, 'team_1')(undefined)).toEqual({
    action: 'team.update',
    targetType: 'team',
    targetId: 'team_1',
    after: { name: 'A' },
  })
})
