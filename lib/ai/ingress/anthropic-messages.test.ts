import Anthropic from '@anthropic-ai/sdk'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemoUpstream, type DemoUpstream } from '@/server/demo-upstream'
import type { ChatRequest } from '../chat-types'
import { countInputTokens } from '../count-tokens'
import { openAiCompatibleAdapter } from '../providers/openai-compatible'
import { toProblem } from '@/lib/errors/to-problem'
import { AnthropicStreamWriter, anthropicToChatRequest, toAnthropicMessage } from './anthropic-messages'

// The Anthropic way in, end to end: @anthropic-ai/sdk (unchanged) → a tiny server that uses the
// ingress functions → the OpenAI-compatible adapter → the demo provider's OpenAI endpoint, and back.

let demo: DemoUpstream
let server: Server
let client: Anthropic
const seen: ChatRequest[] = []

beforeAll(async () => {
  demo = await startDemoUpstream(0)
  server = createServer(async (req, res) => {
    const parts: Buffer[] = []
    for await (const part of req as AsyncIterable<Buffer>) parts.push(part)
    try {
      const request = anthropicToChatRequest(JSON.parse(Buffer.concat(parts).toString('utf8')))
      seen.push(request)
      const target = {
        kind: 'OPENAI_COMPATIBLE' as const,
        baseUrl: `${demo.url}/ai/openai/v1`,
        apiKey: 'k',
        headers: {},
        providerModel: 'demo-chat',
      }
      const outgoing = openAiCompatibleAdapter.chatRequest(request, target)
      const upstream = await fetch(target.baseUrl + outgoing.path, {
        method: 'POST',
        headers: outgoing.headers,
        body: outgoing.body,
      })
      const context = { id: 'chatcmpl-ingress1', model: request.model, created: 1 }
      if (!request.stream) {
        const { completion, usage } = openAiCompatibleAdapter.chatResponse(await upstream.json(), context)
        res.writeHead(200, { 'content-type': 'application/json' })
        return res.end(JSON.stringify(toAnthropicMessage(completion, usage)))
      }
      const translator = openAiCompatibleAdapter.chatStream(context)
      const writer = new AnthropicStreamWriter(context, countInputTokens(request))
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      for await (const bytes of upstream.body as unknown as AsyncIterable<Uint8Array>) {
        for (const chunk of translator.push(bytes)) res.write(writer.push(chunk))
      }
      for (const chunk of translator.end()) res.write(writer.push(chunk))
      res.end(writer.end(translator.usage()))
    } catch (error) {
      const problem = toProblem(error)
      res.writeHead(problem.status, { 'content-type': 'application/problem+json' })
      res.end(
        JSON.stringify({
          ...problem,
          type: 'error',
          error: { type: 'invalid_request_error', message: problem.detail },
        }),
      )
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  client = new Anthropic({
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey: 'tg_test',
    maxRetries: 0,
  })
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await demo.close()
})

const WEATHER = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
}

describe('Anthropic Messages ingress through @anthropic-ai/sdk', () => {
  test('a message: system lifted, text back, stop reason and usage in Anthropic terms', async () => {
    const message = await client.messages.create({
      model: 'claude-via-tollgate',
      max_tokens: 300,
      system: [{ type: 'text', text: 'Be kind.' }],
      messages: [{ role: 'user', content: 'Hello there' }],
      metadata: { user_id: 'u-1' },
    })
    expect(seen.at(-1)).toMatchObject({
      model: 'claude-via-tollgate',
      max_tokens: 300,
      user: 'u-1',
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hello there' },
      ],
    })
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-via-tollgate',
      stop_reason: 'end_turn',
    })
    expect(message.id).toBe('msg_ingress1')
    expect(message.content[0].type === 'text' && message.content[0].text).toContain('You said: "Hello there"')
    expect(message.usage.input_tokens).toBe(countInputTokens(seen.at(-1)!))
    expect(message.usage.output_tokens).toBeGreaterThan(10)
  })

  test('a stream: events in order, text deltas, usage in message_start and message_delta', async () => {
    const stream = client.messages.stream({
      model: 'claude-via-tollgate',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Stream please' }],
    })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    const final = await stream.finalMessage()
    expect(types[0]).toBe('message_start')
    expect(types.filter((type) => type === 'content_block_delta').length).toBeGreaterThan(3)
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop'])
    expect(final.content[0].type === 'text' && final.content[0].text).toContain('You said: "Stream please"')
    expect(final.stop_reason).toBe('end_turn')
    expect(final.usage.input_tokens).toBe(countInputTokens(seen.at(-1)!))
    expect(final.usage.output_tokens).toBeGreaterThan(10)
  })

  test('tools both ways: tool_use out, tool_result back in, streamed and not', async () => {
    const first = await client.messages.create({
      model: 'claude-via-tollgate',
      max_tokens: 300,
      tools: [WEATHER],
      tool_choice: { type: 'any' },
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
    })
    expect(seen.at(-1)).toMatchObject({
      tool_choice: 'required',
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: WEATHER.input_schema } }],
    })
    expect(first.stop_reason).toBe('tool_use')
    const use = first.content.find((block) => block.type === 'tool_use')
    expect(use).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'demo' } })

    const streamed = await client.messages
      .stream({
        model: 'claude-via-tollgate',
        max_tokens: 300,
        tools: [WEATHER],
        tool_choice: { type: 'tool', name: 'get_weather' },
        messages: [{ role: 'user', content: 'Again' }],
      })
      .finalMessage()
    expect(streamed.content.find((block) => block.type === 'tool_use')).toMatchObject({
      name: 'get_weather',
      input: { city: 'demo' },
    })

    const second = await client.messages.create({
      model: 'claude-via-tollgate',
      max_tokens: 300,
      tools: [WEATHER],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: use!.type === 'tool_use' ? use!.id : '', content: '21 degrees' },
          ],
        },
      ],
    })
    expect(seen.at(-1)!.messages.slice(1)).toMatchObject([
      {
        role: 'assistant',
        tool_calls: [{ type: 'function', function: { name: 'get_weather', arguments: '{"city":"demo"}' } }],
      },
      { role: 'tool', content: '21 degrees' },
    ])
    expect(second.content[0].type === 'text' && second.content[0].text).toContain('The tool answered: 21 degrees')
  })

  test('images become image_url parts: base64 as a data: URL, a URL source as it is', async () => {
    await client.messages.create({
      model: 'claude-via-tollgate',
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
            { type: 'text', text: 'What are these?' },
          ],
        },
      ],
    })
    expect(seen.at(-1)!.messages[0].content).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
      { type: 'text', text: 'What are these?' },
    ])
  })

  test.each([
    ['top_k', { top_k: 5 }, 400, 'The Messages endpoint cannot carry top_k.'],
    [
      'a server tool',
      { tools: [{ type: 'web_search_20250305', name: 'web_search' }] },
      400,
      'The Messages endpoint cannot carry the server tool "web_search_20250305".',
    ],
    [
      'a document block',
      { messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] },
      400,
      'The Messages endpoint cannot carry "document" blocks.',
    ],
    ['no max_tokens', { max_tokens: undefined }, 422, 'The request did not validate'],
  ])('%s is refused with a 4xx the SDK shows', async (_name, change, status, message) => {
    const body = { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], ...change }
    const error = await client.messages.create(body as never).catch((e) => e)
    expect(error).toBeInstanceOf(Anthropic.APIError)
    expect(error.status).toBe(status)
    expect(error.error.error.message).toBe(message)
  })
})
