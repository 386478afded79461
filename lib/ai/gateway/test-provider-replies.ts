import type { AiProviderKind } from '@/generated/sqlite/enums'
import type { ReceivedRequest, ScriptedReply } from '../providers/test-provider-upstream'

// Scripted provider answers for gateway tests, in each provider's own format as its API reference
// documents it (the same shapes as lib/ai/providers/*.test.ts): a JSON body, or a stream cut in
// several events. `usage: null` leaves the usage out, as servers that ignore the request for it do.

export type ReplyScript = { text: string; usage: { input: number; output: number } | null }

const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`
const words = (text: string) => text.split(/(?<= )/)

function wantsStream(kind: AiProviderKind, request: ReceivedRequest): boolean {
  if (kind === 'GEMINI') return request.path.includes(':streamGenerateContent')
  if (kind === 'OLLAMA') return (request.json as { stream?: boolean })?.stream !== false
  return (request.json as { stream?: boolean })?.stream === true
}

export function providerReply(kind: AiProviderKind, script: ReplyScript) {
  return (request: ReceivedRequest): ScriptedReply => {
    const stream = wantsStream(kind, request)
    if (kind === 'ANTHROPIC') return anthropic(script, stream)
    if (kind === 'GEMINI') return gemini(script, stream)
    if (kind === 'OLLAMA') return ollama(script, stream)
    return openAi(script, stream)
  }
}

function openAi({ text, usage }: ReplyScript, stream: boolean): ScriptedReply {
  const openAiUsage = usage && {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  }
  const base = { id: 'chatcmpl-upstream', created: 1_700_000_000, model: 'upstream-model' }
  if (!stream) {
    return {
      body: {
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
        ...(openAiUsage ? { usage: openAiUsage } : {}),
      },
    }
  }
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    sse({ ...base, object: 'chat.completion.chunk', choices, ...extra })
  return {
    pieces: [
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
      ...words(text).map((word) => chunk([{ index: 0, delta: { content: word }, finish_reason: null }])),
      chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
      ...(openAiUsage ? [chunk([], { usage: openAiUsage })] : []),
      'data: [DONE]\n\n',
    ],
  }
}

function anthropic({ text, usage }: ReplyScript, stream: boolean): ScriptedReply {
  const input = usage?.input ?? 0
  const output = usage?.output ?? 0
  if (!stream) {
    return {
      body: {
        id: 'msg_upstream',
        type: 'message',
        role: 'assistant',
        model: 'claude-upstream',
        content: [{ type: 'text', text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: input, output_tokens: output },
      },
    }
  }
  const event = (type: string, data: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
  return {
    pieces: [
      event('message_start', {
        message: {
          id: 'msg_upstream',
          type: 'message',
          role: 'assistant',
          model: 'claude-upstream',
          content: [],
          stop_reason: null,
          usage: { input_tokens: input, output_tokens: 1 },
        },
      }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      ...words(text).map((word) =>
        event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: word } }),
      ),
      event('content_block_stop', { index: 0 }),
      event('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: output } }),
      event('message_stop', {}),
    ],
  }
}

function gemini({ text, usage }: ReplyScript, stream: boolean): ScriptedReply {
  const usageMetadata = usage && {
    promptTokenCount: usage.input,
    candidatesTokenCount: usage.output,
    totalTokenCount: usage.input + usage.output,
  }
  const candidate = (part: string, finish?: string) => ({
    content: { parts: [{ text: part }], role: 'model' },
    ...(finish ? { finishReason: finish } : {}),
    index: 0,
  })
  if (!stream) return { body: { candidates: [candidate(text, 'STOP')], ...(usageMetadata ? { usageMetadata } : {}) } }
  const parts = words(text)
  return {
    pieces: parts.map((word, i) =>
      sse({
        candidates: [candidate(word, i === parts.length - 1 ? 'STOP' : undefined)],
        ...(usageMetadata && i === parts.length - 1 ? { usageMetadata } : {}),
      }),
    ),
  }
}

function ollama({ text, usage }: ReplyScript, stream: boolean): ScriptedReply {
  const counts = usage ? { prompt_eval_count: usage.input, eval_count: usage.output } : {}
  const line = (value: unknown) => `${JSON.stringify(value)}\n`
  const message = (content: string) => ({ role: 'assistant', content })
  const base = { model: 'llama3.2', created_at: '2023-12-12T14:13:43.416799Z' }
  if (!stream) return { body: { ...base, message: message(text), done: true, done_reason: 'stop', ...counts } }
  return {
    headers: { 'content-type': 'application/x-ndjson' },
    pieces: [
      ...words(text).map((word) => line({ ...base, message: message(word), done: false })),
      line({ ...base, message: message(''), done: true, done_reason: 'stop', ...counts }),
    ],
  }
}
