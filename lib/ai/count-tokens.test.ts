import { describe, expect, test } from 'vitest'
import type { ChatMessage } from './chat-types'
import { countBudget, countInputTokens, countTextTokens, imageTokens, loadTokenizer } from './count-tokens'

/** A PNG's signature and IHDR chunk: all an image-size reader needs to know its dimensions. */
export function pngDataUrl(width: number, height: number): string {
  const header = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0)
  header.writeUInt32BE(13, 8)
  header.write('IHDR', 12, 'ascii')
  header.writeUInt32BE(width, 16)
  header.writeUInt32BE(height, 20)
  header.set([8, 6, 0, 0, 0], 24)
  return `data:image/png;base64,${header.toString('base64')}`
}

// OpenAI cookbook, "How to count tokens with tiktoken": its example conversation is 124 prompt
// tokens for gpt-4o by its function and by the API.
const COOKBOOK: ChatMessage[] = [
  {
    role: 'system',
    content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
  },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  {
    role: 'system',
    name: 'example_user',
    content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: 'user',
    content: "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
]

describe('countTextTokens', () => {
  test.each([
    ['hello world', 2],
    ['tiktoken is great!', 6],
    ['', 0],
    ['<|endoftext|>', 7],
  ])('%j is %i tokens in o200k_base', (text, tokens) => {
    expect(countTextTokens(text)).toBe(tokens)
  })

  test('long text counts as the encoder counts it whole', () => {
    const text = 'The quick brown fox jumps over the lazy dog.\n\n'.repeat(400)
    // A generous budget: on a busy machine the default one could run out and count bytes instead.
    expect(countTextTokens(text, countBudget(60_000))).toBe(loadTokenizer().encode(text, [], []).length)
  })

  test('past the time budget, text counts as its UTF-8 bytes, never fewer than its tokens', () => {
    const text = 'Grüße aus Köln. '.repeat(100)
    expect(countTextTokens(text, countBudget(-1))).toBe(Buffer.byteLength(text))
    expect(Buffer.byteLength(text)).toBeGreaterThan(countTextTokens(text))
  })

  test.each([
    ['a run of 200,000 letters', 'a'.repeat(200_000)],
    ['200,000 spaces', ' '.repeat(200_000)],
    ['100,000 CJK characters', '汉字'.repeat(50_000)],
  ])('%s is counted in well under a second, never below the exact count of a piece', (_name, text) => {
    loadTokenizer()
    const started = performance.now()
    const count = countTextTokens(text)
    expect(performance.now() - started).toBeLessThan(1_500)
    const piece = text.slice(0, 2_000)
    expect(count).toBeGreaterThanOrEqual(loadTokenizer().encode(piece, [], []).length * (text.length / piece.length))
  })
})

describe('countInputTokens', () => {
  test("the cookbook's conversation is 124 tokens, as OpenAI bills it", () => {
    expect(countInputTokens({ model: 'gpt-4o', messages: COOKBOOK })).toBe(124)
  })

  test('one user message "hi" is 8 tokens (3 per message, role, content, 3 reply priming)', () => {
    expect(countInputTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).toBe(8)
  })

  test('tools add their definitions and a preamble; tool calls and results count', () => {
    const plain = countInputTokens({ model: 'm', messages: [{ role: 'user', content: 'Weather in Paris?' }] })
    const withTools = countInputTokens({
      model: 'm',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":21}' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
    })
    expect(withTools - plain).toBeGreaterThan(350 + 20)
  })

  test('an image counts as the most any provider bills for its size', () => {
    const request = (url: string) => ({
      model: 'm',
      messages: [{ role: 'user' as const, content: [{ type: 'image_url' as const, image_url: { url } }] }],
    })
    const base = countInputTokens({ model: 'm', messages: [{ role: 'user', content: [] }] })
    expect(countInputTokens(request(pngDataUrl(512, 512))) - base).toBe(imageTokens(pngDataUrl(512, 512)))
  })

  test.each([
    // 512×512: OpenAI 85+170 = 255, Anthropic 350, Gemini 258, 32-px patches 256 × 1.62 = 415.
    [512, 512, 'auto', undefined, 415],
    // 4000×3000: Gemini's 768-px tiles (6 × 4 × 258) outweigh the others.
    [4000, 3000, 'auto', undefined, 6192],
    // 100×100: Gemini's 258 for a small image.
    [100, 100, 'low', undefined, 258],
    // gpt-4o-mini bills 2833 + 5667 a 512-px tile.
    [512, 512, 'high', 'gpt-4o-mini-2024-07-18', 8500],
    [512, 512, 'low', 'gpt-4o-mini', 2833],
  ] as const)('a %i×%i image at %s detail for %s is %i tokens', (width, height, detail, providerModel, tokens) => {
    expect(imageTokens(pngDataUrl(width, height), detail, { providerModel })).toBe(tokens)
  })

  test('a remote image, whose size is unknown here, counts as a 2048×2048 one', () => {
    expect(imageTokens('https://example.com/cat.png')).toBe(imageTokens(pngDataUrl(2048, 2048)))
    expect(imageTokens('https://example.com/cat.png')).toBeGreaterThanOrEqual(1600)
  })
})
