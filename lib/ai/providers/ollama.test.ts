import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { ollamaAdapter } from './ollama'
import {
  assembleChunks,
  bytePieces,
  callProvider,
  startProviderUpstream,
  type ProviderUpstream,
  type ScriptedReply,
} from './test-provider-upstream'

// Shapes as Ollama's API documentation shows them (/api/chat, streamed as NDJSON).
const ANSWER = {
  model: 'llama3.2',
  created_at: '2023-12-12T14:13:43.416799Z',
  message: { role: 'assistant', content: 'Hello! How are you today?' },
  done: true,
  done_reason: 'stop',
  total_duration: 5191566416,
  load_duration: 2154458,
  prompt_eval_count: 26,
  prompt_eval_duration: 383809000,
  eval_count: 298,
  eval_duration: 4799921000,
}

const TOOL_ANSWER = {
  ...ANSWER,
  message: {
    role: 'assistant',
    content: '',
    tool_calls: [
      { function: { name: 'get_current_weather', arguments: { format: 'celsius', location: 'Paris, FR' } } },
    ],
  },
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`
const STREAM =
  line({
    model: 'llama3.2',
    created_at: '2023-08-04T08:52:19.385406455-07:00',
    message: { role: 'assistant', content: 'Grüß', images: null },
    done: false,
  }) +
  line({
    model: 'llama3.2',
    created_at: '2023-08-04T08:52:19.4Z',
    message: { role: 'assistant', content: ' dich 👋' },
    done: false,
  }) +
  // The last line has no trailing newline: the stream's end flushes it.
  JSON.stringify({ ...ANSWER, message: { role: 'assistant', content: '' }, done_reason: 'length', eval_count: 4 })

const PNG = 'iVBORw0KGgo='
const REQUEST: ChatRequest = {
  model: 'consumer-model',
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":"png"}' } }],
    },
    { role: 'tool', tool_call_id: 'c1', content: 'an image format' },
  ],
  max_tokens: 128,
  temperature: 0.1,
  stop: 'END',
  tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
}

let upstream: ProviderUpstream | null = null
afterEach(async () => {
  await upstream?.close()
  upstream = null
})
async function serve(reply: ScriptedReply) {
  upstream = await startProviderUpstream(reply)
  return upstream
}
const target = (url: string, apiKey: string | null = null): ProviderTarget => ({
  kind: 'OLLAMA',
  baseUrl: url,
  apiKey,
  headers: {},
  providerModel: 'llama3.2',
})

describe('Ollama adapter', () => {
  test('sends /api/chat with options.num_predict, base64 images, object arguments and stream: false', async () => {
    const server = await serve({ body: ANSWER })
    await callProvider(ollamaAdapter, REQUEST, target(server.url))
    const sent = server.received[0]
    expect(sent.path).toBe('/api/chat')
    expect(sent.headers.authorization).toBeUndefined()
    expect(sent.json).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is this?', images: [PNG] },
        { role: 'assistant', content: '', tool_calls: [{ function: { name: 'lookup', arguments: { q: 'png' } } }] },
        { role: 'tool', content: 'an image format', tool_name: 'lookup' },
      ],
      stream: false,
      options: { num_predict: 128, temperature: 0.1, stop: ['END'] },
      tools: REQUEST.tools,
    })
  })

  test('an answer with usage from prompt_eval_count and eval_count', async () => {
    const server = await serve({ body: ANSWER })
    const result = await callProvider(ollamaAdapter, REQUEST, target(server.url, 'proxy-key'))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(server.received[0].headers.authorization).toBe('Bearer proxy-key')
    expect(result.completion.choices[0]).toMatchObject({
      message: { content: 'Hello! How are you today?' },
      finish_reason: 'stop',
    })
    expect(result.usage).toEqual({ inputTokens: 26, outputTokens: 298, cachedInputTokens: 0, estimated: false })
  })

  test('tool calls come back with ids and JSON-string arguments', async () => {
    const server = await serve({ body: TOOL_ANSWER })
    const result = await callProvider(ollamaAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [
          {
            id: 'call_req_test_0',
            function: { name: 'get_current_weather', arguments: '{"format":"celsius","location":"Paris, FR"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    })
  })

  test('an answer from a cached prompt, without prompt_eval_count, has null usage (the gateway estimates)', () => {
    const { prompt_eval_count: _count, ...cached } = ANSWER
    expect(ollamaAdapter.chatResponse(cached, { id: 'c', model: 'm', created: 1 }).usage).toBeNull()
  })

  test.each([2, 9, 31])(
    'an NDJSON stream cut every %i bytes, with usage and done_reason from the last line',
    async (size) => {
      const server = await serve({ pieces: bytePieces(STREAM, size) })
      const result = await callProvider(ollamaAdapter, { ...REQUEST, stream: true }, target(server.url))
      if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
      expect(server.received[0].json).toMatchObject({ stream: true })
      expect(assembleChunks(result.chunks)).toEqual({ content: 'Grüß dich 👋', calls: [], finish: 'length' })
      expect(result.usage).toEqual({ inputTokens: 26, outputTokens: 4, cachedInputTokens: 0, estimated: false })
    },
  )

  test('a streamed tool call arrives whole', async () => {
    const server = await serve({
      pieces: [line({ ...TOOL_ANSWER, done: false }), line({ ...ANSWER, message: { role: 'assistant', content: '' } })],
    })
    const result = await callProvider(ollamaAdapter, { ...REQUEST, stream: true }, target(server.url))
    if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
    expect(assembleChunks(result.chunks)).toMatchObject({
      calls: [{ name: 'get_current_weather', arguments: '{"format":"celsius","location":"Paris, FR"}' }],
      finish: 'tool_calls',
    })
  })

  test('an error line mid-stream is a 502 provider_error with its message', async () => {
    const server = await serve({
      pieces: [
        line({ message: { content: 'Hi' }, done: false }),
        line({ error: 'an unknown error was encountered while running the model' }),
      ],
    })
    await expect(callProvider(ollamaAdapter, { ...REQUEST, stream: true }, target(server.url))).rejects.toMatchObject({
      status: 502,
      code: 'provider_error',
      message: 'an unknown error was encountered while running the model',
    })
  })

  test('an HTTP 404 error body gives its message', async () => {
    const server = await serve({ status: 404, body: { error: 'model "llama9" not found, try pulling it first' } })
    expect(await callProvider(ollamaAdapter, REQUEST, target(server.url))).toEqual({
      ok: false,
      status: 404,
      message: 'model "llama9" not found, try pulling it first',
    })
  })

  test.each([
    ['tool_choice required', { tool_choice: 'required' as const }, 'a tool_choice that forces a tool call'],
    [
      'an image by URL',
      {
        messages: [
          {
            role: 'user' as const,
            content: [{ type: 'image_url' as const, image_url: { url: 'https://x.test/a.png' } }],
          },
        ],
      },
      'images by URL (send them as data: URLs)',
    ],
  ])('%s is a 400 unsupported_feature before anything is sent', async (_name, change, feature) => {
    const server = await serve({ body: ANSWER })
    await expect(callProvider(ollamaAdapter, { ...REQUEST, ...change }, target(server.url))).rejects.toMatchObject({
      status: 400,
      code: 'unsupported_feature',
      message: `Ollama cannot carry ${feature}.`,
    })
    expect(server.received).toEqual([])
  })

  test('tool_choice none is carried by not offering the tools', async () => {
    const server = await serve({ body: ANSWER })
    await callProvider(ollamaAdapter, { ...REQUEST, tool_choice: 'none' }, target(server.url))
    expect(server.received[0].json).not.toHaveProperty('tools')
  })
})
