import { afterEach, describe, expect, test } from 'vitest'
import type { EmbeddingsRequest, ProviderTarget } from '../provider-adapter'
import { anthropicAdapter } from './anthropic'
import { encodeFloat32Base64 } from './embedding-vectors'
import { geminiAdapter } from './gemini'
import { ollamaAdapter } from './ollama'
import { openAiAdapter } from './openai'
import { openAiCompatibleAdapter } from './openai-compatible'
import { callEmbeddings, startProviderUpstream, type ProviderUpstream } from './test-provider-upstream'

// Each adapter's embeddings against a real HTTP server answering in the provider's documented
// shape: OpenAI's /embeddings (data[].embedding, usage.prompt_tokens), Ollama's /api/embed
// (embeddings, prompt_eval_count) and Gemini's :batchEmbedContents (embeddings[].values, no usage).

let upstream: ProviderUpstream | null = null
afterEach(async () => {
  await upstream?.close()
  upstream = null
})

const target = (url: string, extra: Partial<ProviderTarget> = {}): ProviderTarget => ({
  kind: 'OPENAI',
  baseUrl: url,
  apiKey: 'key-1234',
  headers: {},
  providerModel: 'embed-model',
  ...extra,
})

const TWO: EmbeddingsRequest = { model: 'consumer-name', input: ['alpha', 'beta'], dimensions: 3 }

describe('OpenAI and OpenAI-compatible', () => {
  test('sends OpenAI’s request and reads the vectors by index, with the usage', async () => {
    upstream = await startProviderUpstream({
      body: {
        object: 'list',
        data: [
          { object: 'embedding', index: 1, embedding: [0.4, 0.5, 0.6] },
          { object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3] },
        ],
        model: 'embed-model',
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
    })
    const answer = await callEmbeddings(openAiAdapter, { ...TWO, user: 'u-1' }, target(`${upstream.url}/v1`))
    expect(answer).toEqual({
      ok: true,
      vectors: [
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ],
      inputTokens: 2,
    })
    const sent = upstream.received[0]
    expect(sent.path).toBe('/v1/embeddings')
    expect(sent.headers.authorization).toBe('Bearer key-1234')
    expect(sent.json).toEqual({
      model: 'embed-model',
      input: ['alpha', 'beta'],
      encoding_format: 'float',
      dimensions: 3,
      user: 'u-1',
    })
  })

  test('token-id input goes through as it is; a base64 answer is decoded', async () => {
    const vector = [0.25, -0.5, 1]
    upstream = await startProviderUpstream({ body: { data: [{ index: 0, embedding: encodeFloat32Base64(vector) }] } })
    const answer = await callEmbeddings(openAiAdapter, { model: 'm', input: [[1, 2, 3]] }, target(upstream.url))
    expect(answer).toEqual({ ok: true, vectors: [vector], inputTokens: null })
    expect((upstream.received[0].json as { input: unknown }).input).toEqual([[1, 2, 3]])
  })

  test('Azure’s api-key header replaces Bearer on the compatible wire', async () => {
    upstream = await startProviderUpstream({ body: { data: [{ embedding: [1] }, { embedding: [2] }] } })
    const azure = target(upstream.url, { kind: 'OPENAI_COMPATIBLE', headers: { 'api-key': 'azure-key' } })
    const answer = await callEmbeddings(openAiCompatibleAdapter, TWO, azure)
    expect(answer).toMatchObject({ ok: true, vectors: [[1], [2]] })
    expect(upstream.received[0].headers.authorization).toBeUndefined()
    expect(upstream.received[0].headers['api-key']).toBe('azure-key')
  })

  test.each([
    ['one vector for two inputs', { data: [{ index: 0, embedding: [1, 2] }] }, /1 embeddings for 2 inputs/],
    ['vectors of two lengths', { data: [{ embedding: [1, 2] }, { embedding: [1] }] }, /uneven/],
    ['no data', { object: 'list' }, /not an embeddings list/],
    [
      'an index twice',
      {
        data: [
          { index: 0, embedding: [1] },
          { index: 0, embedding: [2] },
        ],
      },
      /indexes/,
    ],
  ])('%s is the provider’s error (502)', async (_, body, message) => {
    upstream = await startProviderUpstream({ body })
    await expect(callEmbeddings(openAiAdapter, TWO, target(upstream.url))).rejects.toMatchObject({
      status: 502,
      code: 'provider_error',
      message: expect.stringMatching(message),
    })
  })
})

describe('Ollama', () => {
  test('POST /api/embed with the texts, no silent truncation, and prompt_eval_count as the usage', async () => {
    upstream = await startProviderUpstream({
      body: {
        model: 'nomic-embed-text',
        embeddings: [
          [0.01, -0.02, 0.03],
          [0.04, 0.05, -0.06],
        ],
        total_duration: 14143917,
        load_duration: 1019500,
        prompt_eval_count: 8,
      },
    })
    const answer = await callEmbeddings(ollamaAdapter, TWO, target(upstream.url, { kind: 'OLLAMA' }))
    expect(answer).toEqual({
      ok: true,
      vectors: [
        [0.01, -0.02, 0.03],
        [0.04, 0.05, -0.06],
      ],
      inputTokens: 8,
    })
    expect(upstream.received[0].path).toBe('/api/embed')
    expect(upstream.received[0].json).toEqual({
      model: 'embed-model',
      input: ['alpha', 'beta'],
      truncate: false,
      dimensions: 3,
    })
  })

  test('Ollama’s error is its message', async () => {
    upstream = await startProviderUpstream({
      status: 400,
      body: { error: 'the input length exceeds the context length' },
    })
    const answer = await callEmbeddings(ollamaAdapter, TWO, target(upstream.url, { kind: 'OLLAMA' }))
    expect(answer).toEqual({ ok: false, status: 400, message: 'the input length exceeds the context length' })
  })
})

describe('Gemini', () => {
  test(':batchEmbedContents with one request per text, outputDimensionality, the key header; no usage', async () => {
    upstream = await startProviderUpstream({ body: { embeddings: [{ values: [0.1, 0.2] }, { values: [0.3, 0.4] }] } })
    const gemini = target(`${upstream.url}/v1beta`, { kind: 'GEMINI', providerModel: 'models/gemini-embedding-001' })
    const answer = await callEmbeddings(geminiAdapter, TWO, gemini)
    expect(answer).toEqual({
      ok: true,
      vectors: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      inputTokens: null,
    })
    const sent = upstream.received[0]
    expect(sent.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents')
    expect(sent.headers['x-goog-api-key']).toBe('key-1234')
    expect(sent.json).toEqual({
      requests: ['alpha', 'beta'].map((text) => ({
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text }] },
        outputDimensionality: 3,
      })),
    })
  })
})

test.each([
  ['Ollama', ollamaAdapter],
  ['Gemini', geminiAdapter],
])('%s cannot carry token-id input (unsupported_feature, nothing sent)', (_, adapter) => {
  expect(() => adapter.embeddingsRequest({ model: 'm', input: [[1, 2]] }, target('http://127.0.0.1:9'))).toThrow(
    expect.objectContaining({ status: 400, code: 'unsupported_feature' }),
  )
})

test('Anthropic has no embeddings API: unsupported_feature, so a route falls back past it', () => {
  expect(() => anthropicAdapter.embeddingsRequest(TWO, target('http://127.0.0.1:9'))).toThrow(
    expect.objectContaining({ status: 400, code: 'unsupported_feature' }),
  )
})
