import { expect, test } from 'vitest'
import { ZodError } from 'zod'
import { EMBEDDING_LIMITS, parseEmbeddingsRequest } from './embeddings-request-schema'

// The four shapes OpenAI's `input` takes all become a list, one vector per item; everything else
// is refused by field, with a message a consumer can act on.

test.each([
  ['one text', 'hello', ['hello']],
  ['texts', ['a', 'b'], ['a', 'b']],
  ['one token-id list', [1, 2, 3], [[1, 2, 3]]],
  ['token-id lists', [[1], [2, 3]], [[1], [2, 3]]],
])('%s', (_, input, expected) => {
  expect(parseEmbeddingsRequest({ model: 'm', input })).toEqual({
    request: { model: 'm', input: expected },
    encoding: 'float',
  })
})

test('encoding, dimensions and user pass through', () => {
  const parsed = parseEmbeddingsRequest({
    model: 'm',
    input: 'x',
    encoding_format: 'base64',
    dimensions: 64,
    user: 'u',
  })
  expect(parsed).toEqual({ request: { model: 'm', input: ['x'], dimensions: 64, user: 'u' }, encoding: 'base64' })
})

const tooMany = Array.from({ length: EMBEDDING_LIMITS.inputs + 1 }, () => 'x')

test.each([
  ['no model', { input: 'x' }, 'model'],
  ['no input', { model: 'm' }, 'input'],
  ['an empty list', { model: 'm', input: [] }, 'input'],
  ['an empty text', { model: 'm', input: ['a', ''] }, 'input.1'],
  ['mixed shapes', { model: 'm', input: ['a', 1] }, 'input'],
  ['a fractional token id', { model: 'm', input: [1.5] }, 'input.0'],
  ['too many inputs', { model: 'm', input: tooMany }, 'input'],
  ['an unknown encoding', { model: 'm', input: 'x', encoding_format: 'int8' }, 'encoding_format'],
  ['zero dimensions', { model: 'm', input: 'x', dimensions: 0 }, 'dimensions'],
])('%s is refused at %s', (_, body, path) => {
  let error: unknown
  try {
    parseEmbeddingsRequest(body)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ZodError)
  expect((error as ZodError).issues.map((issue) => issue.path.join('.'))).toContain(path)
})
