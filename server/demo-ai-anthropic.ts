import type { ServerResponse } from 'node:http'
import { ZodError } from 'zod'
import type { ChatRequest } from '../lib/ai/chat-types'
import { AppError } from '../lib/errors/app-error'
import { anthropicToChatRequest, toAnthropicMessage } from '../lib/ai/ingress/anthropic-messages'
import { anthropicStopReason } from '../lib/ai/ingress/anthropic-format'
import { demoReply, replyPieces } from './demo-ai-reply'
import { nextDemoId, parseJson, sendJson, writeSlowly, type DemoRoute } from './demo-ai-http'

// The demo provider in Anthropic's Messages format, usage reported as Anthropic does: input tokens
// in message_start, output tokens in message_delta (and both on a non-streamed message).

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
}

function sendError(res: ServerResponse, status: number, message: string) {
  const body = { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }
  sendJson(res, status, body, {
    'request-id': `req_demo_${nextDemoId()}`,
    ...(status === 429 ? { 'retry-after': '1' } : {}),
  })
}

const sse = (type: string, data: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`

export async function answerAnthropic(res: ServerResponse, route: DemoRoute, body: string): Promise<void> {
  if (route.knobs.status)
    return sendError(res, route.knobs.status, `The demo provider answered ${route.knobs.status} as asked.`)
  if (route.method !== 'POST' || route.path !== '/messages') {
    return sendError(res, 404, `Unknown demo endpoint ${route.method} ${route.path}`)
  }
  let request: ChatRequest
  try {
    request = anthropicToChatRequest(parseJson(body))
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0]
      return sendError(res, 400, `${issue.path.join('.') || 'body'}: ${issue.message}`)
    }
    if (error instanceof AppError) return sendError(res, 400, error.message)
    throw error
  }
  const reply = demoReply(request)
  const id = `chatcmpl-demo_${nextDemoId()}`
  const usage = {
    inputTokens: reply.inputTokens,
    outputTokens: reply.outputTokens,
    cachedInputTokens: 0,
    estimated: false,
  }
  const completion = {
    id,
    object: 'chat.completion' as const,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content: reply.text, tool_calls: reply.toolCalls },
        finish_reason: reply.finish,
        logprobs: null,
      },
    ],
  }
  if (!request.stream) return sendJson(res, 200, toAnthropicMessage(completion, usage))

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const wait = route.knobs.chunkDelay
  const message = { ...toAnthropicMessage(completion, usage), content: [], stop_reason: null }
  message.usage = { ...message.usage, output_tokens: 1 }
  if (!(await writeSlowly(res, sse('message_start', { message }) + sse('ping', {}), wait))) return
  let index = 0
  if (reply.text !== null) {
    const start = sse('content_block_start', { index, content_block: { type: 'text', text: '' } })
    if (!(await writeSlowly(res, start, wait))) return
    for (const piece of replyPieces(reply.text)) {
      const delta = sse('content_block_delta', { index, delta: { type: 'text_delta', text: piece } })
      if (!(await writeSlowly(res, delta, wait))) return
    }
    res.write(sse('content_block_stop', { index }))
    index += 1
  }
  for (const call of reply.toolCalls) {
    const block = { type: 'tool_use', id: call.id, name: call.function.name, input: {} }
    if (!(await writeSlowly(res, sse('content_block_start', { index, content_block: block }), wait))) return
    const json = call.function.arguments
    for (const part of [json.slice(0, Math.ceil(json.length / 2)), json.slice(Math.ceil(json.length / 2))]) {
      const delta = sse('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } })
      if (!(await writeSlowly(res, delta, wait))) return
    }
    res.write(sse('content_block_stop', { index }))
    index += 1
  }
  const stop = { stop_reason: anthropicStopReason(reply.finish), stop_sequence: null }
  res.end(sse('message_delta', { delta: stop, usage: { output_tokens: reply.outputTokens } }) + sse('message_stop', {}))
}
