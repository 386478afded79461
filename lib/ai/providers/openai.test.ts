import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { openAiAdapter } from './openai'
import { openAiCompatibleAdapter } from './openai-compatible'
import {
  assembleChunks,
  bytePieces,
  callProvider,
  startProviderUpstream,
  type ProviderUpstream,
  type ScriptedReply,
} from './test-provider-upstream'

// Shapes as OpenAI's API reference shows them (chat object, chunk object, error object).
const COMPLETION = {
  id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4.1-2025-04-14',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello! How can I assist you today?', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 1919,
    completion_tokens: 10,
    total_tokens: 1929,
    prompt_tokens_details: { cached_tokens: 1792, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  },
  service_tier: 'default',
}

const TOOL_COMPLETION = {
  ...COMPLETION,
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
}

const chunk = (choices: unknown[], usage: unknown = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-123', object: 'chat.completion.chunk', created: 1694268190, model: 'gpt-4o-mini', system_fingerprint: 'fp_44709d6fcb', choices, usage })}\n\n`

const TEXT_STREAM =
  chunk([{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }]) +
  chunk([{ index: 0, delta: { content: 'Bonjour, ' }, finish_reason: null }]) +
  chunk([{ index: 0, delta: { content: 'ça va? 👋' }, finish_reason: null }]) +
  chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]) +
  chunk([], {
    prompt_tokens: 1200,
    completion_tokens: 7,
    total_tokens: 1207,
    prompt_tokens_details: { cached_tokens: 1024 },
  }) +
  'data: [DONE]\n\n'

const TOOL_STREAM =
  chunk([
    {
      index: 0,
      delta: {
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '' } }],
      },
      finish_reason: null,
    },
  ]) +
  chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }, finish_reason: null }]) +
  chunk([
    { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] }, finish_reason: null },
  ]) +
  chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]) +
  'data: [DONE]\n\n'

const REQUEST: ChatRequest = {
  model: 'consumer-model',
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in this image?' },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
      ],
    },
  ],
  max_tokens: 64,
  temperature: 0.2,
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
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

const target = (baseUrl: string, extra: Partial<ProviderTarget> = {}): ProviderTarget => ({
  kind: 'OPENAI',
  baseUrl: `${baseUrl}/v1`,
  apiKey: 'sk-test-123',
  headers: { 'OpenAI-Organization': 'org-42' },
  providerModel: 'gpt-4o-mini',
  ...extra,
})

describe('OpenAI adapter', () => {
  test('sends the request to {base}/chat/completions with a Bearer key, the provider model and max_completion_tokens', async () => {
    const server = await serve({ body: COMPLETION })
    const result = await callProvider(openAiAdapter, REQUEST, target(server.url))
    expect(result.ok).toBe(true)
    const sent = server.received[0]
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/v1/chat/completions')
    expect(sent.headers.authorization).toBe('Bearer sk-test-123')
    expect(sent.headers['openai-organization']).toBe('org-42')
    expect(sent.headers['content-type']).toBe('application/json')
    expect(sent.json).toEqual({
      model: 'gpt-4o-mini',
      messages: REQUEST.messages,
      max_completion_tokens: 64,
      temperature: 0.2,
      tools: REQUEST.tools,
    })
  })

  test('a completion comes back with Tollgate id and the consumer model, and usage with cached tokens', async () => {
    const server = await serve({ body: COMPLETION })
    const result = await callProvider(openAiAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion).toMatchObject({
      id: 'chatcmpl-req_test',
      object: 'chat.completion',
      model: 'consumer-model',
      choices: [
        { message: { role: 'assistant', content: 'Hello! How can I assist you today?' }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: 1919,
        completion_tokens: 10,
        total_tokens: 1929,
        prompt_tokens_details: { cached_tokens: 1792 },
      },
    })
    expect(result.usage).toEqual({ inputTokens: 1919, outputTokens: 10, cachedInputTokens: 1792, estimated: false })
  })

  test('tool calls come back as tool_calls with finish_reason tool_calls', async () => {
    const server = await serve({ body: TOOL_COMPLETION })
    const result = await callProvider(openAiAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [
          { id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      finish_reason: 'tool_calls',
    })
  })

  test.each([3, 7, 13])(
    'a stream cut every %i bytes gives the same text, and usage from the final chunk',
    async (size) => {
      const server = await serve({ pieces: bytePieces(TEXT_STREAM, size) })
      const result = await callProvider(openAiAdapter, { ...REQUEST, stream: true }, target(server.url))
      if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
      expect(server.received[0].json).toMatchObject({ stream: true, stream_options: { include_usage: true } })
      expect(result.reads).toBeGreaterThan(1)
      expect(assembleChunks(result.chunks)).toEqual({ content: 'Bonjour, ça va? 👋', calls: [], finish: 'stop' })
      expect(result.chunks[0].choices[0].delta.role).toBe('assistant')
      for (const item of result.chunks) expect(item).toMatchObject({ id: 'chatcmpl-req_test', model: 'consumer-model' })
      expect(result.chunks.every((item) => item.choices.length === 1 && item.usage === undefined)).toBe(true)
      expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 7, cachedInputTokens: 1024, estimated: false })
    },
  )

  test('a streamed tool call keeps its id, name and arguments in pieces', async () => {
    const server = await serve({ pieces: bytePieces(TOOL_STREAM, 9) })
    const result = await callProvider(openAiAdapter, { ...REQUEST, stream: true }, target(server.url))
    if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
    expect(assembleChunks(result.chunks)).toEqual({
      content: '',
      calls: [{ id: 'call_abc', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      finish: 'tool_calls',
    })
    expect(result.usage).toBeNull()
  })

  test('an error inside the stream stops it as a 502 provider_error with the message', async () => {
    const body =
      chunk([{ index: 0, delta: { content: 'Hi' }, finish_reason: null }]) +
      `data: ${JSON.stringify({ error: { message: 'The server had an error while processing your request.', type: 'server_error' } })}\n\n`
    const server = await serve({ pieces: [body] })
    await expect(callProvider(openAiAdapter, { ...REQUEST, stream: true }, target(server.url))).rejects.toMatchObject({
      status: 502,
      code: 'provider_error',
      message: 'The server had an error while processing your request.',
    })
  })

  test.each([
    [
      401,
      {
        error: {
          message: 'Incorrect API key provided: sk-test***123.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
      'Incorrect API key provided: sk-test***123.',
    ],
    [
      429,
      { error: { message: 'Rate limit reached for gpt-4o-mini.', type: 'requests', code: 'rate_limit_exceeded' } },
      'Rate limit reached for gpt-4o-mini.',
    ],
    [400, { detail: [{ loc: ['body', 'messages'], msg: 'field required' }] }, 'field required'],
    [502, '<html>Bad gateway</html>', '<html>Bad gateway</html>'],
    [503, {}, 'The provider answered HTTP 503.'],
  ])('an HTTP %i error body gives its message', async (status, body, message) => {
    const server = await serve({ status, body })
    const result = await callProvider(openAiAdapter, REQUEST, target(server.url))
    expect(result).toEqual({ ok: false, status, message })
  })

  test('a body that is not a chat completion is a 502 provider_error', () => {
    expect(() => openAiAdapter.chatResponse({ object: 'list', data: [] }, { id: 'x', model: 'm', created: 1 })).toThrow(
      expect.objectContaining({ status: 502, code: 'provider_error' }),
    )
  })
})

describe('OpenAI-compatible adapter', () => {
  test('sends max_tokens and the system role, which older servers know', async () => {
    const server = await serve({ body: COMPLETION })
    await callProvider(
      openAiCompatibleAdapter,
      { ...REQUEST, max_tokens: undefined, max_completion_tokens: 99 },
      target(server.url, { kind: 'OPENAI_COMPATIBLE', headers: { 'HTTP-Referer': 'https://tollgate.test' } }),
    )
    const sent = server.received[0]
    expect(sent.headers.authorization).toBe('Bearer sk-test-123')
    expect(sent.headers['http-referer']).toBe('https://tollgate.test')
    expect(sent.json).toMatchObject({
      max_tokens: 99,
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user' }],
    })
    expect(sent.json).not.toHaveProperty('max_completion_tokens')
  })

  test("Azure's api-key header, configured as an extra header, replaces the Bearer key", async () => {
    const server = await serve({ body: COMPLETION })
    await callProvider(
      openAiCompatibleAdapter,
      REQUEST,
      target(server.url, { kind: 'OPENAI_COMPATIBLE', apiKey: null, headers: { 'api-key': 'azure-key-1' } }),
    )
    expect(server.received[0].headers['api-key']).toBe('azure-key-1')
    expect(server.received[0].headers.authorization).toBeUndefined()
  })

  test('a server that ignores stream_options and sends no usage still streams; usage stays null', async () => {
    const body =
      'data: {"id":"x","choices":[{"index":0,"delta":{"role":"assistant"}}]}\r\n\r\n' +
      'data: {"id":"x","choices":[{"index":0,"delta":{"content":"Hola"},"finish_reason":null}]}\r\n\r\n' +
      ': keep-alive\r\n\r\n' +
      'data: {"id":"x","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\r\n\r\n' +
      'data: [DONE]\r\n\r\n'
    const server = await serve({ pieces: bytePieces(body, 4) })
    const result = await callProvider(
      openAiCompatibleAdapter,
      { ...REQUEST, stream: true },
      target(server.url, { kind: 'OPENAI_COMPATIBLE' }),
    )
    if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
    expect(assembleChunks(result.chunks)).toEqual({ content: 'Hola', calls: [], finish: 'stop' })
    expect(result.usage).toBeNull()
  })

  test('a non-streamed answer without usage gives null usage and no usage field', async () => {
    const { usage: _usage, ...withoutUsage } = COMPLETION
    const server = await serve({ body: withoutUsage })
    const result = await callProvider(
      openAiCompatibleAdapter,
      REQUEST,
      target(server.url, { kind: 'OPENAI_COMPATIBLE' }),
    )
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.usage).toBeNull()
    expect(result.completion).not.toHaveProperty('usage')
  })
})
