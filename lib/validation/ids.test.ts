import { expect, test } from 'vitest'
import { idInput } from './ids'

const id = idInput('Choose a plan')

test.each([
  ['a prefixed id', 'plan_0a9zk3m2x8q1w7e5r4t6', true],
  ['an id with a hyphen', 'e2e-topup_abc', true],
  ['surrounding spaces', ' key_abc ', true],
  ['a NUL (PostgreSQL would fail the query)', 'plan_abc\u0000', false],
  ['a space inside', 'plan abc', false],
  ['a quote', "plan_abc'--", false],
  ['a slash', 'plan/../x', false],
  ['101 characters', `p_${'a'.repeat(99)}`, false],
])('%s: valid=%s', (_label, value, valid) => {
  expect(id.safeParse(value).success).toBe(valid)
})

test("an empty id gets the caller's message", () => {
  expect(id.safeParse('').error?.issues.map((i) => i.message)).toEqual(['Choose a plan'])
  expect(id.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(['Choose a plan'])
})
