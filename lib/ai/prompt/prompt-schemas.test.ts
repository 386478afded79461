import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { checkModelOutput, compileOutputSchema } from './output-schema'
import { createPromptVersionSchema } from './prompt-schemas'

// The design form's rules, as the field errors an author sees next to each field.

const base = {
  apiId: 'api_0123456789abcdefghij',
  version: 'v1',
  systemTemplate: 'You summarise text in a {{tone}} tone.',
  userTemplate: 'Summarise: {{text}}',
  variables: JSON.stringify([
    { name: 'text', type: 'string', required: true, description: 'The text' },
    { name: 'tone', type: 'enum', required: false, values: ['neutral', 'formal'], default: 'neutral' },
  ]),
  modelId: 'mdl_0123456789abcdefghij',
}

function fieldErrors(input: Record<string, unknown>) {
  const result = createPromptVersionSchema.safeParse({ ...base, ...input })
  return result.success ? {} : z.flattenError(result.error).fieldErrors
}

describe('the prompt design schema', () => {
  test('a complete design parses into typed variables', () => {
    const parsed = createPromptVersionSchema.parse({ ...base, temperature: '0.2', maxOutputTokens: '200' })
    expect(parsed.variables).toEqual([
      { name: 'text', type: 'string', required: true, description: 'The text' },
      {
        name: 'tone',
        type: 'enum',
        required: false,
        description: '',
        values: ['neutral', 'formal'],
        default: 'neutral',
      },
    ])
    expect(parsed.temperature).toBe(0.2)
    expect(parsed.maxOutputTokens).toBe(200)
    expect(parsed.outputSchema).toBeNull()
  })

  test('a placeholder with no variable is an error on its template part', () => {
    expect(fieldErrors({ userTemplate: 'Summarise {{text}} for {{audience}}' })).toEqual({
      userTemplate: ['{{audience}} has no variable: add one named audience'],
    })
  })

  test('a variable no placeholder uses is an error on the variables', () => {
    expect(fieldErrors({ systemTemplate: 'Be brief.' })).toEqual({ variables: ['tone is not used by the template'] })
  })

  test('a malformed placeholder is named', () => {
    expect(fieldErrors({ userTemplate: 'Summarise {{text}} {{ 2nd }}' })).toEqual({
      userTemplate: ['{{ 2nd }} is not a placeholder: use {{name}}'],
    })
  })

  test('variable rules: defaults fit the type, required ones have none, enums list values, names are plain', () => {
    const variables = (list: unknown[]) => fieldErrors({ variables: JSON.stringify(list) }).variables ?? []
    const text = { name: 'text', type: 'string', required: true }
    const tone = { name: 'tone', type: 'enum', required: false, values: ['neutral'] }
    expect(variables([{ ...text, default: 'x' }, tone])).toContain(
      'text: a required variable has no default; make it optional or remove the default',
    )
    expect(variables([text, { ...tone, default: 'angry' }])).toContain('tone: the default does not fit the type enum')
    expect(variables([text, { ...tone, values: [] }])).toContain('tone: list at least one allowed value')
    expect(variables([text, { ...tone, values: ['a', 'a'] }])).toContain('tone: an allowed value is listed twice')
    expect(variables([text, tone, { name: 'constructor', type: 'string' }])).toContain(
      'Pick another name: this one is reserved',
    )
    expect(fieldErrors({ variables: '[{' })).toEqual({ variables: ['The variables are not valid JSON'] })
  })

  test('exactly one model source is chosen', () => {
    expect(fieldErrors({ modelId: '' })).toEqual({ modelId: ['Choose the model this prompt runs on'] })
    expect(fieldErrors({ chatRouteId: 'avm_0123456789abcdefghij' })).toEqual({
      modelId: ['Choose the model this prompt runs on'],
    })
  })

  test('the output schema must be a compilable object schema without regular expressions', () => {
    expect(fieldErrors({ outputSchema: '{"type": "string"}' })).toEqual({
      outputSchema: ['The output schema must describe an object ("type": "object")'],
    })
    expect(fieldErrors({ outputSchema: '{"type": "object", "properties": {"a": {"pattern": "(a+)+$"}}}' })).toEqual({
      outputSchema: ['"pattern" is not supported in output schemas'],
    })
    expect(
      fieldErrors({ outputSchema: '{"type": "object", "properties": {"a": {"type": 5}}}' }).outputSchema?.[0],
    ).toMatch(/^The output schema is not a valid JSON Schema/)
    expect(fieldErrors({ outputSchema: 'nope' })).toEqual({ outputSchema: ['The output schema is not valid JSON'] })
    // A property may be called "pattern": names under `properties` are not keywords.
    expect(fieldErrors({ outputSchema: '{"type": "object", "properties": {"pattern": {"type": "string"}}}' })).toEqual(
      {},
    )
  })
})

describe('checkModelOutput', () => {
  const sentiment = {
    type: 'object',
    required: ['label', 'score'],
    properties: { label: { enum: ['positive', 'negative', 'neutral'] }, score: { type: 'number' } },
    additionalProperties: false,
  }

  test('valid JSON, fenced or not, passes; anything else says why', () => {
    expect(checkModelOutput(sentiment, '{"label": "positive", "score": 0.9}')).toEqual({
      ok: true,
      value: { label: 'positive', score: 0.9 },
    })
    expect(checkModelOutput(sentiment, '```json\n{"label": "neutral", "score": 0}\n```').ok).toBe(true)
    expect(checkModelOutput(sentiment, 'It is positive')).toEqual({
      ok: false,
      reason: 'The model did not answer with JSON',
    })
    expect(checkModelOutput(sentiment, '{"label": "happy", "score": 1}')).toEqual({
      ok: false,
      reason: '/label must be equal to one of the allowed values',
    })
  })

  test('a schema is compiled once and reused', () => {
    expect(compileOutputSchema(sentiment).validate).toBe(compileOutputSchema({ ...sentiment }).validate)
  })
})
