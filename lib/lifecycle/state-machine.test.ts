import { describe, expect, test } from 'vitest'
import type { VersionState } from '@/generated/sqlite/enums'
import {
  allowedActions,
  canTransition,
  checkDelete,
  checkDeprecate,
  checkPublish,
  checkRetire,
  earliestSunset,
  minSunsetDays,
  targetState,
  type DeprecateFacts,
  type GuardResult,
  type LifecycleAction,
  type PublishFacts,
} from './state-machine'

const STATES: VersionState[] = ['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED']
const ACTIONS: LifecycleAction[] = ['publish', 'deprecate', 'retire', 'delete']
const ALLOWED = new Set(['DRAFT:publish', 'DRAFT:delete', 'PUBLISHED:deprecate', 'DEPRECATED:retire'])

const codes = (r: GuardResult) => (r.ok ? [] : r.failures.map((f) => f.code))
const NOW = new Date('2026-11-24T15:30:00Z')
const days = (n: number) => new Date(Date.UTC(2026, 10, 24) + n * 86_400_000)

describe('transition table', () => {
  test.each(STATES.flatMap((state) => ACTIONS.map((action) => [state, action] as const)))(
    '%s → %s',
    (state, action) => {
      const allowed = ALLOWED.has(`${state}:${action}`)
      expect(canTransition(state, action)).toBe(allowed)
      expect(allowedActions(state).includes(action)).toBe(allowed)
    },
  )

  test('targets', () => {
    expect(targetState('publish')).toBe('PUBLISHED')
    expect(targetState('deprecate')).toBe('DEPRECATED')
    expect(targetState('retire')).toBe('RETIRED')
    expect(targetState('delete')).toBeNull()
  })

  test.each(STATES.filter((s) => s !== 'DRAFT'))('a %s version cannot be deleted', (state) => {
    expect(codes(checkDelete(state))).toEqual(['invalid_transition'])
  })
  test('a draft can be deleted', () => expect(checkDelete('DRAFT')).toEqual({ ok: true }))
})

describe('checkPublish', () => {
  const base: PublishFacts = {
    state: 'DRAFT',
    documentValid: true,
    upstreamAnswers: true,
    activePlanCount: 1,
    major: 1,
    previous: null,
    override: false,
  }
  test.each<[string, Partial<PublishFacts>, string[]]>([
    ['a first version with everything in place', {}, []],
    ['an invalid document', { documentValid: false }, ['invalid_document']],
    ['an upstream that does not answer', { upstreamAnswers: false }, ['upstream_unreachable']],
    ['no plan', { activePlanCount: 0 }, ['no_plan']],
    [
      'all three at once',
      { documentValid: false, upstreamAnswers: false, activePlanCount: 0 },
      ['invalid_document', 'upstream_unreachable', 'no_plan'],
    ],
    [
      'breaking changes under the same major',
      { major: 1, previous: { major: 1, breakingChangeCount: 2 } },
      ['breaking_changes'],
    ],
    [
      'breaking changes under a lower major',
      { major: 1, previous: { major: 2, breakingChangeCount: 1 } },
      ['breaking_changes'],
    ],
    [
      'breaking changes with an override but no reason',
      { previous: { major: 1, breakingChangeCount: 1 }, override: true, overrideReason: '  ' },
      ['override_reason_required'],
    ],
    [
      'breaking changes with an override and a reason',
      {
        previous: { major: 1, breakingChangeCount: 1 },
        override: true,
        overrideReason: 'hotfix agreed with consumers',
      },
      [],
    ],
    ['breaking changes in a new major', { major: 2, previous: { major: 1, breakingChangeCount: 5 } }, []],
    ['no breaking changes under the same major', { previous: { major: 1, breakingChangeCount: 0 } }, []],
    ...(['PUBLISHED', 'DEPRECATED', 'RETIRED'] as const).map(
      (state) => [`a ${state} version`, { state }, ['invalid_transition']] as [string, Partial<PublishFacts>, string[]],
    ),
  ])('%s', (_name, facts, expected) => {
    expect(codes(checkPublish({ ...base, ...facts }))).toEqual(expected)
  })
})

describe('checkDeprecate', () => {
  const base: DeprecateFacts = {
    state: 'PUBLISHED',
    now: NOW,
    sunsetAt: days(30),
    minSunsetDays: 7,
    versionId: 'v1',
    successor: null,
  }
  test.each<[string, Partial<DeprecateFacts>, string[]]>([
    ['a sunset a month ahead', {}, []],
    ['a sunset exactly the notice period ahead (date input midnight)', { sunsetAt: days(7) }, []],
    ['a sunset one day short', { sunsetAt: days(6) }, ['sunset_too_soon']],
    ['a sunset in the past', { sunsetAt: days(-1) }, ['sunset_too_soon']],
    ['an invalid date', { sunsetAt: new Date('nope') }, ['sunset_too_soon']],
    ['zero notice allowed when configured', { sunsetAt: days(0), minSunsetDays: 0 }, []],
    ['a published successor', { successor: { id: 'v2', state: 'PUBLISHED' } }, []],
    ['a draft successor', { successor: { id: 'v2', state: 'DRAFT' } }, ['invalid_successor']],
    ['a deprecated successor', { successor: { id: 'v2', state: 'DEPRECATED' } }, ['invalid_successor']],
    ['itself as successor', { successor: { id: 'v1', state: 'PUBLISHED' } }, ['invalid_successor']],
    ...(['DRAFT', 'DEPRECATED', 'RETIRED'] as const).map(
      (state) =>
        [`a ${state} version`, { state }, ['invalid_transition']] as [string, Partial<DeprecateFacts>, string[]],
    ),
  ])('%s', (_name, facts, expected) => {
    expect(codes(checkDeprecate({ ...base, ...facts }))).toEqual(expected)
  })

  test('the earliest sunset is counted in whole UTC days', () => {
    expect(earliestSunset(NOW, 7).toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })
})

describe('checkRetire', () => {
  const base = {
    state: 'DEPRECATED' as VersionState,
    now: NOW,
    sunsetAt: days(-1) as Date | null,
    canRetireEarly: false,
    reason: undefined as string | undefined,
  }
  test.each<[string, Partial<typeof base>, string[]]>([
    ['after the sunset', {}, []],
    ['exactly at the sunset', { sunsetAt: NOW }, []],
    ['before the sunset, without the permission', { sunsetAt: days(10) }, ['before_sunset']],
    [
      'before the sunset, without the permission even with a reason',
      { sunsetAt: days(10), reason: 'security issue' },
      ['before_sunset'],
    ],
    [
      'before the sunset, owner without a reason',
      { sunsetAt: days(10), canRetireEarly: true },
      ['early_retire_reason_required'],
    ],
    [
      'before the sunset, owner with a reason',
      { sunsetAt: days(10), canRetireEarly: true, reason: 'security issue' },
      [],
    ],
    ...(['DRAFT', 'PUBLISHED', 'RETIRED'] as const).map(
      (state) => [`a ${state} version`, { state }, ['invalid_transition']] as [string, Partial<typeof base>, string[]],
    ),
  ])('%s', (_name, facts, expected) => {
    expect(codes(checkRetire({ ...base, ...facts }))).toEqual(expected)
  })
})

test.each([
  [undefined, 7],
  ['', 7],
  ['14', 14],
  ['0', 0],
  ['-3', 7],
  ['abc', 7],
  ['2.5', 7],
])('LIFECYCLE_MIN_SUNSET_DAYS=%s gives %i days', (value, expected) => {
  expect(minSunsetDays({ LIFECYCLE_MIN_SUNSET_DAYS: value })).toBe(expected)
})
