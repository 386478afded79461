import OpenAI from 'openai'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { countTextTokens } from '../lib/ai/count-tokens'
import { DEMO_EMBEDDING_DIMENSIONS, demoVector } from './demo-ai-embeddings'
import { startDemoUpstream, type DemoUpstream } from './demo-upstream'

// The demo provider's embeddings through the official openai SDK, unchanged, as a user of
// `npm start` would call it: deterministic unit vectors, real token counts, both encodings.

let demo: DemoUpstream
let openai: OpenAI

beforeAll(async () => {
  demo = await startDemoUpstream(0)
  openai = new OpenAI({ baseURL: `${demo.url}/ai/openai/v1`, apiKey: 'any-key', maxRetries: 0 })
})
afterAll(() => demo.close())

const embed = (input: string | string[], extra: { dimensions?: number; encoding_format?: 'float' | 'base64' } = {}) =>
  openai.embeddings.create({ model: 'demo-embed', input, ...extra })

test('the same text always gives the same unit vector, whichever the encoding', async () => {
  const first = await embed('deterministic')
  const again = await embed('deterministic', { encoding_format: 'float' })
  expect(first.data[0].embedding).toHaveLength(DEMO_EMBEDDING_DIMENSIONS)
  expect(again.data[0].embedding).toEqual(first.data[0].embedding)
  expect(first.data[0].embedding).toEqual(demoVector('deterministic'))
  expect(Math.hypot(...first.data[0].embedding)).toBeCloseTo(1, 5)
  const other = await embed('something else')
  expect(other.data[0].embedding).not.toEqual(first.data[0].embedding)
})

test('a batch answers one vector per input in order, with the tokens of every input as usage', async () => {
  const texts = ['one', 'two words', 'and three words']
  const answer = await embed(texts)
  expect(answer.model).toBe('demo-embed')
  expect(answer.data.map((item) => item.index)).toEqual([0, 1, 2])
  texts.forEach((text, i) => expect(answer.data[i].embedding).toEqual(demoVector(text)))
  const tokens = texts.reduce((sum, text) => sum + countTextTokens(text), 0)
  expect(answer.usage).toEqual({ prompt_tokens: tokens, total_tokens: tokens })
})

test('fewer dimensions give the longer vector’s direction cut short and renormalised', async () => {
  const short = (await embed('matryoshka', { dimensions: 8 })).data[0].embedding
  const long = demoVector('matryoshka')
  expect(short).toHaveLength(8)
  const norm = Math.hypot(...long.slice(0, 8))
  short.forEach((value, i) => expect(value).toBeCloseTo(long[i] / norm, 6))
})

test('an empty input is a 400 naming the field', async () => {
  const error = await embed([]).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(OpenAI.BadRequestError)
  expect((error as Error).message).toContain('input')
})
