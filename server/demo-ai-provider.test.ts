import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { countInputTokens, countTextTokens } from '../lib/ai/count-tokens'
import { startDemoUpstream, type DemoUpstream } from './demo-upstream'

// The demo AI provider through the official SDKs, unchanged, as a user of `npm start` would call it.

let demo: DemoUpstream
let openai: OpenAI
let anthropic: Anthropic

beforeAll(async () => {
  demo = await startDemoUpstream(0)
  openai = new OpenAI({ baseURL: `${demo.url}/ai/openai/v1`, apiKey: 'any-key', maxRetries: 0 })
  anthropic = new Anthropic({ baseURL: `${demo.url}/ai/anthropic`, apiKey: 'any-key', maxRetries: 0 })
})
afterAll(() => demo.close())

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city'],
    },
  },
}

describe('demo AI provider, OpenAI format', () => {
  test('a completion quotes the prompt, echoes the model and reports real token counts', async () => {
    const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }]
    const completion = await openai.chat.completions.create({ model: 'my-model', messages })
    const text = completion.choices[0].message.content ?? ''
    expect(text).toContain('You said: "What is the capital of France?"')
    expect(completion.model).toBe('my-model')
    expect(completion.choices[0].finish_reason).toBe('stop')
    expect(completion.usage).toMatchObject({
      prompt_tokens: countInputTokens({ model: 'my-model', messages }),
      completion_tokens: countTextTokens(text),
    })
    expect(completion.usage?.prompt_tokens).toBe(14)
  })

  test('a stream comes in several chunks, with usage on a final chunk only when asked for', async () => {
    const messages = [{ role: 'user' as const, content: 'Tell me about streaming' }]
    const stream = await openai.chat.completions.create({
      model: 'demo-chat',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    })
    let text = ''
    let contentChunks = 0
    let usage: OpenAI.CompletionUsage | null | undefined
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) contentChunks += 1
      text += chunk.choices[0]?.delta.content ?? ''
      if (chunk.usage) {
        expect(chunk.choices).toEqual([])
        usage = chunk.usage
      }
    }
    expect(contentChunks).toBeGreaterThan(3)
    expect(text).toContain('Tell me about streaming')
    expect(usage).toMatchObject({
      prompt_tokens: countInputTokens({ model: 'demo-chat', messages }),
      completion_tokens: countTextTokens(text),
    })

    const silent = await openai.chat.completions.create({ model: 'demo-chat', messages, stream: true })
    for await (const chunk of silent) expect(chunk.usage ?? null).toBeNull()
  })

  test('max_tokens cuts the answer at that many tokens with finish_reason "length"', async () => {
    const completion = await openai.chat.completions.create({
      model: 'demo-chat',
      messages: [{ role: 'user', content: 'Say a lot' }],
      max_tokens: 5,
    })
    expect(completion.choices[0].finish_reason).toBe('length')
    expect(completion.usage?.completion_tokens).toBe(5)
  })

  test('names a tool and the demo calls it; the tool result is quoted back', async () => {
    const first = await openai.chat.completions.create({
      model: 'demo-chat',
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [WEATHER_TOOL],
    })
    const call = first.choices[0].message.tool_calls?.[0]
    expect(first.choices[0].finish_reason).toBe('tool_calls')
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'demo', unit: 'celsius' })

    const runner = openai.chat.completions.stream({
      model: 'demo-chat',
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        first.choices[0].message,
        { role: 'tool', tool_call_id: call!.id, content: '{"temperature":21}' },
      ],
    })
    const final = await runner.finalChatCompletion()
    expect(final.choices[0].message.content).toContain('The tool answered: {"temperature":21}')
  })

  test('a streamed tool call arrives whole through the SDK accumulator', async () => {
    const runner = openai.chat.completions.stream({
      model: 'demo-chat',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [WEATHER_TOOL],
      tool_choice: 'required',
    })
    const final = await runner.finalChatCompletion()
    const call = final.choices[0].message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function.name).toBe('get_weather')
    expect(final.choices[0].finish_reason).toBe('tool_calls')
  })

  test('GET /models lists the demo models', async () => {
    const models = await openai.models.list()
    expect(models.data.map((model) => model.id)).toEqual(['demo-chat', 'demo-chat-mini', 'demo-embed'])
  })

  test.each([
    ['status=429', 429, OpenAI.RateLimitError],
    ['status=503', 503, OpenAI.InternalServerError],
  ])('the %s knob in the base URL answers that error in OpenAI shape', async (knob, status, kind) => {
    const failing = new OpenAI({ baseURL: `${demo.url}/ai/${knob}/openai/v1`, apiKey: 'k', maxRetries: 0 })
    const error = await failing.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e) => e)
    expect(error).toBeInstanceOf(kind)
    expect(error.status).toBe(status)
    expect(error.message).toContain(`The demo provider answered ${status} as asked.`)
  })

  test('an invalid request is a 400 naming the field', async () => {
    const error = await openai.chat.completions.create({ model: 'm', messages: [] as never }).catch((e) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.message).toContain('messages: Send at least one message')
  })
})

describe('demo AI provider, Anthropic format', () => {
  test('a message quotes the prompt with input and output usage', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-demo',
      max_tokens: 200,
      system: 'Be kind.',
      messages: [{ role: 'user', content: 'Hello Claude' }],
    })
    expect(message.model).toBe('claude-demo')
    expect(message.stop_reason).toBe('end_turn')
    const text = message.content[0].type === 'text' ? message.content[0].text : ''
    expect(text).toContain('You said: "Hello Claude"')
    const chat = {
      model: 'claude-demo',
      messages: [
        { role: 'system' as const, content: 'Be kind.' },
        { role: 'user' as const, content: 'Hello Claude' },
      ],
    }
    expect(message.usage).toMatchObject({ input_tokens: countInputTokens(chat), output_tokens: countTextTokens(text) })
  })

  test('a stream gives input tokens in message_start and output tokens in message_delta', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-demo',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Stream to me' }],
    })
    const events: string[] = []
    let startInput = 0
    let deltaOutput = 0
    for await (const event of stream) {
      events.push(event.type)
      if (event.type === 'message_start') startInput = event.message.usage.input_tokens
      if (event.type === 'message_delta') deltaOutput = event.usage.output_tokens
    }
    const final = await stream.finalMessage()
    const text = final.content[0].type === 'text' ? final.content[0].text : ''
    expect(events.filter((type) => type === 'content_block_delta').length).toBeGreaterThan(3)
    expect(events[0]).toBe('message_start')
    expect(events.at(-1)).toBe('message_stop')
    expect(startInput).toBeGreaterThan(5)
    expect(deltaOutput).toBe(countTextTokens(text))
    expect(final.usage).toMatchObject({ input_tokens: startInput, output_tokens: deltaOutput })
  })

  test('a tool call streams as a tool_use block with its input', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-demo',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Call get_weather please' }],
      tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
    })
    const final = await stream.finalMessage()
    expect(final.stop_reason).toBe('tool_use')
    expect(final.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'demo' } })
  })

  test.each([
    [429, Anthropic.RateLimitError],
    [529, Anthropic.InternalServerError],
  ])('?status=%i answers that error in Anthropic shape', async (status, kind) => {
    const error = await anthropic.messages
      .create({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, { query: { status } })
      .catch((e) => e)
    expect(error).toBeInstanceOf(kind)
    expect(error.status).toBe(status)
    expect(error.message).toContain(`The demo provider answered ${status} as asked.`)
  })
})
