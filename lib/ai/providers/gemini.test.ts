import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { geminiAdapter } from './gemini'
import {
  assembleChunks,
  bytePieces,
  callProvider,
  startProviderUpstream,
  type ProviderUpstream,
  type ScriptedReply,
} from './test-provider-upstream'

// Shapes as the Gemini API reference shows them (GenerateContentResponse, its SSE stream with CRLF
// line ends, and the Google error object).
const RESPONSE = {
  candidates: [
    {
      content: {
        parts: [{ text: 'Let me think.', thought: true }, { text: 'The sky is blue because of Rayleigh scattering.' }],
        role: 'model',
      },
      finishReason: 'STOP',
      index: 0,
    },
  ],
  usageMetadata: {
    promptTokenCount: 1200,
    candidatesTokenCount: 12,
    thoughtsTokenCount: 30,
    cachedContentTokenCount: 1024,
    totalTokenCount: 1242,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 1200 }],
  },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'mAitaLmkHPPlz7IPvtfUqQ4',
}

const CALL_RESPONSE = {
  candidates: [
    {
      content: { parts: [{ functionCall: { name: 'get_weather', args: { location: 'Boston' } } }], role: 'model' },
      finishReason: 'STOP',
    },
  ],
  usageMetadata: { promptTokenCount: 50, candidatesTokenCount: 8, totalTokenCount: 58 },
}

const event = (value: unknown) => `data: ${JSON.stringify(value)}\r\n\r\n`
const STREAM =
  event({
    candidates: [{ content: { parts: [{ text: 'Ça ' }], role: 'model' } }],
    usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
    modelVersion: 'gemini-2.5-flash',
  }) +
  event({
    candidates: [{ content: { parts: [{ text: 'marche 🚀' }], role: 'model' } }],
    usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
  }) +
  event({
    candidates: [{ content: { parts: [{ text: '.' }], role: 'model' }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 5, thoughtsTokenCount: 2, totalTokenCount: 16 },
  })

const PNG = 'iVBORw0KGgo='
const REQUEST: ChatRequest = {
  model: 'consumer-model',
  messages: [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Weather in Boston?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Boston"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_9', content: '{"temperature":12}' },
    { role: 'user', content: 'And in plain words?' },
  ],
  max_tokens: 256,
  temperature: 0.7,
  top_p: 0.9,
  stop: ['END'],
  seed: 7,
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
  tool_choice: { type: 'function', function: { name: 'get_weather' } },
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
const target = (url: string): ProviderTarget => ({
  kind: 'GEMINI',
  baseUrl: `${url}/v1beta`,
  apiKey: 'AIza-test',
  headers: {},
  providerModel: 'gemini-2.5-flash',
})

describe('Gemini adapter', () => {
  test('sends generateContent: contents in user/model turns, systemInstruction, generationConfig, tools', async () => {
    const server = await serve({ body: RESPONSE })
    await callProvider(geminiAdapter, REQUEST, target(server.url))
    const sent = server.received[0]
    expect(sent.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    expect(sent.headers['x-goog-api-key']).toBe('AIza-test')
    expect(sent.json).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Boston?' }, { inlineData: { mimeType: 'image/png', data: PNG } }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { location: 'Boston' } } }] },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { temperature: 12 } } },
            { text: 'And in plain words?' },
          ],
        },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 256, temperature: 0.7, topP: 0.9, stopSequences: ['END'], seed: 7 },
      tools: [
        { functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: { type: 'object', properties: {} } }] },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } },
    })
  })

  test('an answer drops thoughts, and usage bills thinking as output with cached prompt tokens', async () => {
    const server = await serve({ body: RESPONSE })
    const result = await callProvider(geminiAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion.choices[0]).toMatchObject({
      message: { content: 'The sky is blue because of Rayleigh scattering.' },
      finish_reason: 'stop',
    })
    expect(result.usage).toEqual({ inputTokens: 1200, outputTokens: 42, cachedInputTokens: 1024, estimated: false })
  })

  test('a functionCall part is a tool call with finish_reason tool_calls', async () => {
    const server = await serve({ body: CALL_RESPONSE })
    const result = await callProvider(geminiAdapter, REQUEST, target(server.url))
    if (!result.ok || !('completion' in result)) throw new Error('expected a completion')
    expect(result.completion.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [{ id: 'call_req_test_0', function: { name: 'get_weather', arguments: '{"location":"Boston"}' } }],
      },
      finish_reason: 'tool_calls',
    })
  })

  test.each([
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['STOP', 'stop'],
  ])('finishReason %s is finish_reason %s', (reason, finish) => {
    const body = { candidates: [{ content: { parts: [{ text: 'x' }] }, finishReason: reason }] }
    expect(
      geminiAdapter.chatResponse(body, { id: 'c', model: 'm', created: 1 }).completion.choices[0].finish_reason,
    ).toBe(finish)
  })

  test('a blocked prompt is content_filter with no content', () => {
    const body = {
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
    }
    const { completion, usage } = geminiAdapter.chatResponse(body, { id: 'c', model: 'm', created: 1 })
    expect(completion.choices[0]).toMatchObject({ message: { content: null }, finish_reason: 'content_filter' })
    expect(usage).toMatchObject({ inputTokens: 5, outputTokens: 0 })
  })

  test.each([3, 10, 17])('a stream cut every %i bytes, to :streamGenerateContent?alt=sse', async (size) => {
    const server = await serve({ pieces: bytePieces(STREAM, size) })
    const result = await callProvider(geminiAdapter, { ...REQUEST, stream: true }, target(server.url))
    if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
    expect(server.received[0].path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse')
    expect(assembleChunks(result.chunks)).toEqual({ content: 'Ça marche 🚀.', calls: [], finish: 'stop' })
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 7, cachedInputTokens: 0, estimated: false })
  })

  test('a streamed functionCall arrives whole as one tool-call chunk', async () => {
    const server = await serve({ pieces: [event(CALL_RESPONSE)] })
    const result = await callProvider(geminiAdapter, { ...REQUEST, stream: true }, target(server.url))
    if (!result.ok || !('chunks' in result)) throw new Error('expected a stream')
    expect(assembleChunks(result.chunks)).toEqual({
      content: '',
      calls: [{ id: 'call_req_test_0', name: 'get_weather', arguments: '{"location":"Boston"}' }],
      finish: 'tool_calls',
    })
  })

  test.each([
    [
      400,
      { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } },
      'API key not valid. Please pass a valid API key.',
    ],
    [
      429,
      [
        {
          error: {
            code: 429,
            message: 'Resource has been exhausted (e.g. check quota).',
            status: 'RESOURCE_EXHAUSTED',
          },
        },
      ],
      'Resource has been exhausted (e.g. check quota).',
    ],
  ])('an HTTP %i error body gives its message', async (status, body, message) => {
    const server = await serve({ status, body })
    expect(await callProvider(geminiAdapter, REQUEST, target(server.url))).toEqual({ ok: false, status, message })
  })

  test.each([
    [
      'an image by URL',
      [
        {
          role: 'user' as const,
          content: [{ type: 'image_url' as const, image_url: { url: 'https://x.test/a.png' } }],
        },
      ],
      'images by URL (send them as data: URLs)',
    ],
    [
      'a tool result without its call',
      [{ role: 'tool' as const, tool_call_id: 'nowhere', content: 'x' }],
      'a tool result whose tool call is not in the conversation',
    ],
  ])('%s is a 400 unsupported_feature before anything is sent', async (_name, messages, feature) => {
    const server = await serve({ body: RESPONSE })
    await expect(callProvider(geminiAdapter, { ...REQUEST, messages }, target(server.url))).rejects.toMatchObject({
      status: 400,
      code: 'unsupported_feature',
      message: `Gemini cannot carry ${feature}.`,
    })
    expect(server.received).toEqual([])
  })
})
