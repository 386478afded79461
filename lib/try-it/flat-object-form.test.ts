import { describe, expect, test } from 'vitest'
import { buildPromptContract } from '@/lib/ai/prompt/build-prompt-contract'
import { createRefResolver } from '@/lib/openapi/ref-resolver'
import { flatFieldsOf, wrappedObjectFormOf } from './flat-object-form'

const contract = (outputSchema: Record<string, unknown> | null = null) =>
  JSON.parse(
    buildPromptContract({
      apiName: 'Summarize',
      apiDescription: '',
      version: 'v1',
      design: {
        outputSchema,
        variables: [
          { name: 'text', type: 'string', required: true, description: 'What to summarise', maxLength: 500 },
          {
            name: 'tone',
            type: 'enum',
            required: false,
            description: '',
            values: ['neutral', 'formal'],
            default: 'neutral',
          },
          { name: 'words', type: 'number', required: false, description: '', default: 50 },
          { name: 'bullets', type: 'boolean', required: false, description: '' },
        ],
      },
    }),
  ) as unknown

describe('the form try-it generates from a prompt version’s contract', () => {
  test('one typed field per variable, required, enum values, defaults and hints as declared', () => {
    expect(wrappedObjectFormOf(contract(), '/', 'post')).toEqual({
      field: 'variables',
      stream: true,
      fields: [
        { name: 'text', type: 'string', required: true, description: 'What to summarise', maxLength: 500 },
        {
          name: 'tone',
          type: 'string',
          required: false,
          description: '',
          enum: ['neutral', 'formal'],
          default: 'neutral',
        },
        { name: 'words', type: 'number', required: false, description: '', default: 50 },
        { name: 'bullets', type: 'boolean', required: false, description: '' },
      ],
    })
  })

  test('another path or method has no generated form', () => {
    expect(wrappedObjectFormOf(contract(), '/other', 'post')).toBeNull()
    expect(wrappedObjectFormOf(contract(), '/', 'get')).toBeNull()
  })

  test.each([
    ['a nested object', { type: 'object', properties: { a: { type: 'object' } } }],
    ['an array', { type: 'object', properties: { a: { type: 'array', items: { type: 'string' } } } }],
    ['not an object', { type: 'string' }],
    ['a broken $ref', { type: 'object', properties: { a: { $ref: '#/components/schemas/Missing' } } }],
  ])('a schema with %s is not flat, so try-it keeps the JSON text box', (_label, schema) => {
    expect(flatFieldsOf(schema, createRefResolver({}))).toBeNull()
  })
})
