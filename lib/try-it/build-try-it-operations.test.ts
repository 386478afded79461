import { expect, test } from 'vitest'
import { buildTryItOperations } from './build-try-it-operations'

const document = {
  openapi: '3.0.3',
  paths: {
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer', example: 7 } }],
      get: {
        summary: 'Get a pet',
        parameters: [
          { name: 'fields', in: 'query', schema: { type: 'string' } },
          { name: 'session', in: 'cookie' },
        ],
      },
    },
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  id: { type: 'integer', readOnly: true },
                  name: { type: 'string' },
                  tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
                },
              },
            },
          },
        },
      },
      put: { requestBody: { content: { 'application/json': { example: { name: 'Rex' } } } } },
    },
  },
}

test('operations carry their parameters (no cookies) and body examples', () => {
  const ops = buildTryItOperations(document)
  expect(ops.map((o) => o.key)).toEqual(['GET /pets/{petId}', 'PUT /pets', 'POST /pets'])
  expect(ops[0]).toMatchObject({
    summary: 'Get a pet',
    body: null,
    parameters: [
      { name: 'petId', in: 'path', required: true, example: '7' },
      { name: 'fields', in: 'query', required: false, example: '' },
    ],
  })
  expect(JSON.parse(ops[1].body!.example)).toEqual({ name: 'Rex' })
  // No example: a skeleton from the schema, without read-only fields.
  expect(ops[2]).toMatchObject({ summary: 'createPet', body: { contentType: 'application/json', required: true } })
  expect(JSON.parse(ops[2].body!.example)).toEqual({ name: 'string', tags: ['a'] })
})
