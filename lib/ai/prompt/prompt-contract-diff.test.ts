import { describe, expect, test } from 'vitest'
import { diffOpenApi } from '@/lib/openapi/diff-openapi'
import { buildPromptContract } from './build-prompt-contract'
import type { PromptVariable } from './prompt-schemas'

// The generated contracts of two prompt versions, through the generic breaking-change diff: what
// breaks a caller (a new required variable, a removed one, a changed type, a narrower enum) is
// breaking, with no prompt-specific diff code; what a caller's old request still satisfies is not.

const text: PromptVariable = { name: 'text', type: 'string', required: true, description: '' }
const tone: PromptVariable = {
  name: 'tone',
  type: 'enum',
  required: false,
  description: '',
  values: ['neutral', 'friendly', 'formal'],
  default: 'neutral',
}

const contract = (variables: PromptVariable[], outputSchema: Record<string, unknown> | null = null) =>
  JSON.parse(
    buildPromptContract({
      apiName: 'Summarize',
      apiDescription: '',
      version: 'v1',
      design: { variables, outputSchema },
    }),
  ) as unknown

const breaking = (before: PromptVariable[], after: PromptVariable[]) =>
  diffOpenApi(contract(before), contract(after))
    .filter((c) => c.breaking)
    .map((c) => c.kind)

describe('the prompt contract diff', () => {
  test('a new required variable is breaking', () => {
    const lang: PromptVariable = { name: 'language', type: 'string', required: true, description: '' }
    expect(breaking([text], [text, lang])).toEqual(['required-request-field-added'])
  })

  test('a removed variable is breaking (the request schema refuses unknown variables)', () => {
    expect(breaking([text, tone], [text])).toEqual(['request-field-removed'])
  })

  test('a changed type is breaking', () => {
    expect(breaking([text], [{ ...text, type: 'number' }])).toEqual(['request-field-type-changed'])
  })

  test('a narrower enum is breaking; a wider one is not', () => {
    const narrower = { ...tone, values: ['neutral', 'formal'] }
    expect(breaking([text, tone], [text, narrower])).toEqual(['request-field-enum-narrowed'])
    expect(breaking([text, narrower], [text, tone])).toEqual([])
  })

  test('a new optional variable, or a required one becoming optional, is not breaking', () => {
    expect(breaking([text], [text, tone])).toEqual([])
    expect(breaking([text], [{ ...text, required: false }])).toEqual([])
  })
})
