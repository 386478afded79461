import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { anthropicAdapter } from './anthropic'
import {
  assembleChunks,
  bytePieces,
  callProvider,
  startProviderUpstream,
  type ProviderUpstream,
  type ScriptedReply,
} from './test-provider-upstream'

// Shapes as Anthropic's Messages API reference and streaming guide show them.
const MESSAGE = {
  id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5-20250929',
  content: [{ type: 'text', text: 'Hi! My name is Claude.' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 44, output_tokens: 503, cache_creation_input_tokens: 2051, cache_read_input_tokens: 1000 },
}

const TOOL_MESSAGE = {
  ...MESSAGE,
  content: [
    { type: 'text', text: "I'll check the weather." },
    {
      type: 'tool_use',
      id: 'toolu_01A09q90qw90lq917835lq9',
      name: 'get_weather',
      input: { location: 'San Francisco, CA' },
    },
  ],
  stop_reason: 'tool_use',
}

const sse = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`

const STREAM =
  sse('message_start', {
    message: {
      id: 'msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY',
      type: 'message',
      role: 'assistant',
      content: [],
      model: 'claude-opus-4-6',
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 1, cache_read_input_tokens: 2000, cache_creation_input_tokens: 0 },
    },
  }) +
  sse('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) +
  sse('ping', {}) +
  sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Héllo' } }) +
  sse('content_block_delta', { index: 0, delta: { type: 'text_delta', text: ' 🌍!' } }) +
  sse('content_block_stop', { index: 0 }) +
  sse('content_block_start', {
    index: 1,
    content_block: { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: {} },
  }) +
  sse('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: '' } }) +
  sse('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: '{"location":' } }) +
  sse('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: ' "Paris"}' } }) +
  sse('content_block_stop', { index: 1 }) +
  sse('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } }) +
  sse('message_stop', {})

const PNG = 'iVBORw0KGgo='

const REQUEST: ChatRequest = {
  model: 'consumer-model',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Weather here?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
        { type: 'image_url', image_url: { url: 'https://example.com/sky.jpg' } },
      ],
    },
    { role: 'user', content: 'Both cities please.' },
    {
      role: 'assistant',
      content: 'Checking.',
      tool_calls: [
        { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Lyon"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'toolu_1', content: '21°C' },
    { role: 'tool', tool_call_id: 'toolu_2', content: '19°C' },
    { role: 'user', content: 'Thanks, and tomorrow?' },
  ],
  temperature: 0.5,
  stop: 'END',
  user: 'user-42',
  tools: [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' } } },
  ],
  tool_choice: 'required',
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
const target = (url: string, extra: Partial<ProviderTarget> = {}): ProviderTarget => ({
  kind: 'ANTHROPIC',
  baseUrl: `${url}/v1`,
  apiKey: 'sk-ant-test',
  headers: { 'anthropic-beta': 'prompt-caching-2024-07-31' },
  providerModel: 'claude-sonnet-4-5',
  maxOutputTokens: 8192,
  ...extra,
})

describe('Anthropic adapter', () => {
  test('sends a Messages request: headers, system lifted, turns merged, images, tools, max_tokens default', async () => {
    const server = await serve({ body: MESSAGE })
    await callProvider(anthropicAdapter, REQUEST, target(server.url))
    const sent = server.received[0]
    expect(sent.path).toBe('/v1/messages')
    expect(sent.headers).toMatchObject({
      'x-api-key': 'sk-ant-test',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'prompt-caching-2024-07-31',
    })
    expect(sent.headers.authorization).toBeUndefined()
    expect(sent.json).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 8192,
      system: 'You are terse.\n\nAnswer in French.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Weather here?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/sky.jpg' } },
            { type: 'text', text: 'Both cities please.' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Lyon' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '21°C' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '19°C' },
            { type: 'text', text: 'Thanks, and tomorrow?' },
          ],
        },
      ],
      temperature: 0.5,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-42' },
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any' },
    })
  })

  test.each([
    [{ max_tokens: 100 }, undefined, 100],
    [{ max_completion_tokens: 200 }, 8192, 200],
    [{}, undefined, 4096],
  ])('max_tokens is the request limit %j, else the model maximum, else 4096', async (limits, modelMax, expected) => {
    const server = await serve({ body: MESSAGE })
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'Hi' }], ...limits }
    await callProvider(anthropicAdapter, request, target(server.url, { maxOutputTokens: modelMax }))
    expect(server.received[0].json).toMatchObject({ max_tokens: expected })
  })

  test('a message comes back with usage: cache reads as cached input, cache writes as input', async () => {
    const server = await serve({ body: MESSAGE })
    const result = await callProvider(anthropicAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion).toMatchObject({
      id: 'chatcmpl-req_test',
      model: 'consumer-model',
      choices: [{ message: { role: 'assistant', content: 'Hi! My name is Claude.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3095, completion_tokens: 503, prompt_tokens_details: { cached_tokens: 1000 } },
    })
    expect(result.usage).toEqual({ inputTokens: 3095, outputTokens: 503, cachedInputTokens: 1000, estimated: false })
  })

  test('tool_use blocks come back as tool_calls with JSON arguments', async () => {
    const server = await serve({ body: TOOL_MESSAGE })
    const result = await callProvider(anthropicAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion.choices[0]).toMatchObject({
      message: {
        content: "I'll check the weather.",
        tool_calls: [
          {
            id: 'toolu_01A09q90qw90lq917835lq9',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    })
  })

  test.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
  ])('stop_reason %s is finish_reason %s', (stopReason, finish) => {
    const { completion } = anthropicAdapter.chatResponse(
      { ...MESSAGE, stop_reason: stopReason },
      { id: 'c', model: 'm', created: 1 },
    )
    expect(completion.choices[0].finish_reason).toBe(finish)
  })

  test.each([4, 11, 29])(
    'a stream cut every %i bytes: text, a tool call, the stop reason and the usage',
    async (size) => {
      const server = await serve({ pieces: bytePieces(STREAM, size) })
      const result = await callProvider(anthropicAdapter, { ...REQUEST, stream: true }, target(server.url))
      if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
      expect(server.received[0].json).toMatchObject({ stream: true })
      expect(result.reads).toBeGreaterThan(1)
      expect(result.chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' })
      expect(assembleChunks(result.chunks)).toEqual({
        content: 'Héllo 🌍!',
        calls: [{ id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '{"location": "Paris"}' }],
        finish: 'tool_calls',
      })
      expect(result.usage).toEqual({ inputTokens: 2025, outputTokens: 89, cachedInputTokens: 2000, estimated: false })
    },
  )

  test('an error event mid-stream is a 502 provider_error with its message', async () => {
    const body =
      STREAM.slice(0, STREAM.indexOf('event: content_block_stop')) +
      sse('error', { error: { type: 'overloaded_error', message: 'Overloaded' } })
    const server = await serve({ pieces: [body] })
    await expect(
      callProvider(anthropicAdapter, { ...REQUEST, stream: true }, target(server.url)),
    ).rejects.toMatchObject({ status: 502, code: 'provider_error', message: 'Overloaded' })
  })

  test.each([
    [
      429,
      {
        type: 'error',
        error: {
          type: 'rate_limit_error',
          message: 'Number of request tokens has exceeded your per-minute rate limit',
        },
      },
      'Number of request tokens has exceeded your per-minute rate limit',
    ],
    [
      401,
      { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
      'invalid x-api-key',
    ],
    [529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'Overloaded'],
  ])('an HTTP %i error body gives its message', async (status, body, message) => {
    const server = await serve({ status, body })
    expect(await callProvider(anthropicAdapter, REQUEST, target(server.url))).toEqual({ ok: false, status, message })
  })

  test.each([
    [
      'response_format json_object',
      { response_format: { type: 'json_object' as const } },
      'response_format "json_object"',
    ],
    ['temperature 1.5', { temperature: 1.5 }, 'a temperature above 1'],
    [
      'a BMP image',
      {
        messages: [
          {
            role: 'user' as const,
            content: [{ type: 'image_url' as const, image_url: { url: 'data:image/bmp;base64,Qk0=' } }],
          },
        ],
      },
      'images of type image/bmp',
    ],
    [
      'tool arguments that are not JSON',
      {
        messages: [
          {
            role: 'assistant' as const,
            content: null,
            tool_calls: [{ id: 'a', type: 'function' as const, function: { name: 'f', arguments: '{oops' } }],
          },
        ],
      },
      'tool-call arguments that are not valid JSON',
    ],
  ])('%s is a 400 unsupported_feature before anything is sent', async (_name, change, feature) => {
    const server = await serve({ body: MESSAGE })
    const request = { ...REQUEST, ...change } as ChatRequest
    await expect(callProvider(anthropicAdapter, request, target(server.url))).rejects.toMatchObject({
      status: 400,
      code: 'unsupported_feature',
      message: `Anthropic cannot carry ${feature}.`,
    })
    expect(server.received).toEqual([])
  })
})
