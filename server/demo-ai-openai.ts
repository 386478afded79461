import type { ServerResponse } from 'node:http'
import { ZodError } from 'zod'
import { parseChatRequest } from '../lib/ai/ingress/chat-request-schema'
import type { ChatRequest } from '../lib/ai/chat-types'
import { demoEmbeddings } from './demo-ai-embeddings'
import { demoReply, replyPieces } from './demo-ai-reply'
import { nextDemoId, parseJson, sendJson, writeSlowly, type DemoRoute } from './demo-ai-http'

// The demo provider in OpenAI's Chat Completions format, usage reported as OpenAI does: on the
// answer, and in a stream only as a final chunk (empty choices) when stream_options.include_usage.

export const DEMO_MODELS = ['demo-chat', 'demo-chat-mini', 'demo-embed']

const ERROR_TYPES: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'invalid_request'],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'model_not_found'],
  429: ['requests', 'rate_limit_exceeded'],
}

function sendError(res: ServerResponse, status: number, message: string, param: string | null = null) {
  const [type, code] = ERROR_TYPES[status] ?? ['server_error', 'server_error']
  sendJson(res, status, { error: { message, type, param, code } }, status === 429 ? { 'retry-after': '1' } : {})
}

export async function answerOpenAi(res: ServerResponse, route: DemoRoute, body: string): Promise<void> {
  if (route.knobs.status)
    return sendError(res, route.knobs.status, `The demo provider answered ${route.knobs.status} as asked.`)
  if (route.method === 'GET' && route.path === '/models') {
    return sendJson(res, 200, {
      object: 'list',
      data: DEMO_MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'tollgate-demo' })),
    })
  }
  if (route.method === 'POST' && route.path === '/embeddings') {
    const answer = demoEmbeddings(body)
    return answer.ok ? sendJson(res, 200, answer.value) : sendError(res, 400, answer.message, answer.param)
  }
  if (route.method !== 'POST' || route.path !== '/chat/completions') {
    return sendError(res, 404, `Unknown demo endpoint ${route.method} ${route.path}`)
  }
  let request: ChatRequest
  try {
    request = parseChatRequest(parseJson(body))
  } catch (error) {
    const issue = error instanceof ZodError ? error.issues[0] : undefined
    const param = issue?.path.join('.') || null
    return sendError(res, 400, issue ? `${param ?? 'body'}: ${issue.message}` : 'Send a JSON body', param)
  }
  const reply = demoReply(request)
  const id = `chatcmpl-demo-${nextDemoId()}`
  const created = Math.floor(Date.now() / 1000)
  const usage = {
    prompt_tokens: reply.inputTokens,
    completion_tokens: reply.outputTokens,
    total_tokens: reply.inputTokens + reply.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  }
  const toolCalls = reply.toolCalls.length > 0 ? { tool_calls: reply.toolCalls } : {}
  if (!request.stream) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: request.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null, ...toolCalls },
          logprobs: null,
          finish_reason: reply.finish,
        },
      ],
      usage,
      system_fingerprint: 'fp_tollgate_demo',
    })
  }
  const withUsage = request.stream_options?.include_usage === true
  const frame = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, system_fingerprint: 'fp_tollgate_demo', choices, ...(withUsage ? { usage: null } : {}), ...extra })}\n\n`
  const delta = (value: Record<string, unknown>, finish: string | null = null) => ({
    index: 0,
    delta: value,
    logprobs: null,
    finish_reason: finish,
  })
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  const wait = route.knobs.chunkDelay
  if (!(await writeSlowly(res, frame([delta({ role: 'assistant', content: '', refusal: null })]), wait))) return
  for (const piece of reply.text === null ? [] : replyPieces(reply.text)) {
    if (!(await writeSlowly(res, frame([delta({ content: piece })]), wait))) return
  }
  for (const [index, call] of reply.toolCalls.entries()) {
    const start = { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }
    if (!(await writeSlowly(res, frame([delta({ tool_calls: [start] })]), wait))) return
    const args = { index, function: { arguments: call.function.arguments } }
    if (!(await writeSlowly(res, frame([delta({ tool_calls: [args] })]), wait))) return
  }
  let tail = frame([delta({}, reply.finish)])
  if (withUsage) tail += frame([], { usage })
  res.end(`${tail}data: [DONE]\n\n`)
}
