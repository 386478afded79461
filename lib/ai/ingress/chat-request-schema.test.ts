import { describe, expect, test } from 'vitest'
import { ZodError } from 'zod'
import { fieldErrorsOf } from '@/lib/errors/field-errors'
import { toProblem } from '@/lib/errors/to-problem'
import { CHAT_LIMITS, parseChatRequest } from './chat-request-schema'

const VALID = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }],
    },
    { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
  ],
  max_tokens: 100,
  temperature: 0.3,
  stream: true,
  stream_options: { include_usage: true },
  tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object', properties: {} } } }],
  tool_choice: 'auto',
  n: 1,
  presence_penalty: 0,
}

function errorsOf(body: unknown): Record<string, string[]> {
  try {
    parseChatRequest(body)
  } catch (error) {
    if (error instanceof ZodError) return fieldErrorsOf(error)
    throw error
  }
  throw new Error('expected the request to be refused')
}

const deep = (depth: number): Record<string, unknown> =>
  depth === 0 ? { type: 'string' } : { properties: { a: deep(depth - 1) } }

describe('chatRequestSchema', () => {
  test('a full request parses into a ChatRequest; fields Tollgate does not carry are dropped', () => {
    const { n: _n, presence_penalty: _p, ...expected } = VALID
    expect(parseChatRequest(VALID)).toEqual(expected)
  })

  test.each([
    ['no messages', { messages: [] }, 'messages', 'Send at least one message'],
    [
      'too many messages',
      { messages: Array.from({ length: CHAT_LIMITS.messages + 1 }, () => ({ role: 'user', content: 'x' })) },
      'messages',
      `Send at most ${CHAT_LIMITS.messages} messages`,
    ],
    [
      'an oversized text',
      { messages: [{ role: 'user', content: 'x'.repeat(CHAT_LIMITS.textChars + 1) }] },
      'messages.0.content',
      `Keep each text under ${CHAT_LIMITS.textChars} characters`,
    ],
    [
      'an audio part',
      { messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] },
      'messages.0.content.0',
      'Content parts of type "input_audio" are not supported',
    ],
    [
      'an image in a system message',
      { messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] }] },
      'messages.0.content.0',
      'Content parts of type "image_url" are not supported',
    ],
    [
      'a file: image URL',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }] }] },
      'messages.0.content.0.image_url.url',
      'Give an https URL or a data:image/... URL',
    ],
    [
      'an empty assistant message',
      { messages: [{ role: 'assistant', content: null }] },
      'messages.0.content',
      'An assistant message needs content or tool_calls',
    ],
    [
      'a tool message without its call id',
      { messages: [{ role: 'tool', content: 'x' }] },
      'messages.0.tool_call_id',
      'Invalid input: expected string, received undefined',
    ],
    ['max_tokens 0', { max_tokens: 0 }, 'max_tokens', 'Too small: expected number to be >=1'],
    [
      'max_tokens above the cap',
      { max_tokens: CHAT_LIMITS.maxTokens + 1 },
      'max_tokens',
      `Ask for at most ${CHAT_LIMITS.maxTokens} tokens`,
    ],
    ['fractional max_tokens', { max_completion_tokens: 1.5 }, 'max_completion_tokens', 'Give a whole number of tokens'],
    ['temperature 3', { temperature: 3 }, 'temperature', 'Too big: expected number to be <=2'],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop', 'Invalid input'],
    [
      'a bad function name',
      { tools: [{ type: 'function', function: { name: 'no spaces' } }] },
      'tools.0.function.name',
      'Use 1-64 letters, digits, _ or - in a function name',
    ],
    [
      'a schema nested 40 deep',
      { tools: [{ type: 'function', function: { name: 'f', parameters: deep(40) } }] },
      'tools.0.function.parameters',
      `Nest the schema at most ${CHAT_LIMITS.schemaDepth} levels deep`,
    ],
    ['n = 2', { n: 2 }, 'n', 'Only n=1 is supported'],
    ['logprobs', { logprobs: true }, 'logprobs', 'logprobs are not supported'],
    ['no model', { model: '' }, 'model', 'Name a model'],
  ])('%s is refused on its field', (_name, change, field, message) => {
    expect(errorsOf({ ...VALID, ...change })[field]).toContain(message)
  })

  test('a refusal is a 422 problem with field errors', () => {
    let problem
    try {
      parseChatRequest({ model: 'm', messages: 'hello' })
    } catch (error) {
      problem = toProblem(error)
    }
    expect(problem).toMatchObject({
      status: 422,
      code: 'validation_failed',
      errors: { messages: ['Send messages as an array'] },
    })
  })
})
