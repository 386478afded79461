import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { PromptVariable } from './prompt-schemas'
import { checkVariableValues } from './variable-values'

const declared: PromptVariable[] = [
  { name: 'text', type: 'string', required: true, description: 'What to summarise', maxLength: 20 },
  { name: 'tone', type: 'enum', required: false, description: '', values: ['neutral', 'formal'], default: 'neutral' },
  { name: 'words', type: 'number', required: false, description: '' },
  { name: 'bullets', type: 'boolean', required: false, description: '', default: false },
]

describe('checkVariableValues', () => {
  test('fills defaults and leaves optional variables without a default out', () => {
    expect(checkVariableValues(declared, { text: 'hello' })).toEqual({
      ok: true,
      values: { text: 'hello', tone: 'neutral', bullets: false },
    })
  })

  test('names every missing, unknown and mistyped variable at once', () => {
    const result = checkVariableValues(declared, { tone: 'angry', words: '12', bullets: 'yes', extra: 1 })
    expect(result).toEqual({
      ok: false,
      errors: {
        text: ['is required'],
        tone: ['must be one of neutral, formal'],
        words: ['must be a number'],
        bullets: ['must be true or false'],
        extra: ['is not a variable of this prompt'],
      },
    })
  })

  test('a string longer than its limit is refused, at the limit accepted', () => {
    expect(checkVariableValues(declared, { text: 'x'.repeat(21) })).toEqual({
      ok: false,
      errors: { text: ['is longer than 20 characters'] },
    })
    expect(checkVariableValues(declared, { text: 'x'.repeat(20) }).ok).toBe(true)
  })

  test('variables that are not an object are one error on `variables`', () => {
    for (const input of [null, 'text', [1], 3])
      expect(checkVariableValues(declared, input)).toEqual({
        ok: false,
        errors: { variables: ['`variables` must be an object of name → value'] },
      })
  })

  test('an inherited name ("toString", "__proto__") is not a value', () => {
    const result = checkVariableValues(declared, JSON.parse('{"text":"a","__proto__":{"tone":"formal"}}'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(Object.entries(result.errors)).toEqual([['__proto__', ['is not a variable of this prompt']]])
      // A plain object, as the playground hands it to React and the gateway to JSON.
      expect(Object.getPrototypeOf(result.errors)).toBe(Object.prototype)
    }
    expect(checkVariableValues([{ ...declared[0], required: false }], {})).toEqual({ ok: true, values: {} })
  })

  test('property: an accepted value is passed through unchanged, and only declared names come out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom('neutral', 'formal'), fc.double(), (text, tone, n) => {
        const result = checkVariableValues(declared, { text, tone, words: n })
        if (!Number.isFinite(n)) expect(result.ok).toBe(false)
        else expect(result).toEqual({ ok: true, values: { text, tone, words: n, bullets: false } })
      }),
    )
  })
})
