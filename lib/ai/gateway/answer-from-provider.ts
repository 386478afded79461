import { performance } from 'node:perf_hooks'
import type { Dispatcher } from 'undici'
import { microsToDecimal } from '@/lib/billing/money'
import { AppError } from '@/lib/errors/app-error'
import { toAppError } from '@/lib/errors/to-problem'
import type { ChargingStep } from '@/lib/gateway/charging-step'
import type { GatewayCall } from '@/lib/gateway/gateway-call'
import type { OutHeaders } from '@/lib/gateway/out-headers'
import type { ChatCompletionChunk, ChatRequest, TokenUsage } from '../chat-types'
import { countTextTokens } from '../count-tokens'
import type { ProviderAdapter, TranslationContext } from '../provider-adapter'
import { StreamAssembler, type AiCallCapture } from './ai-capture'
import { tokenCost } from './ai-pricing'
import type { AiTarget } from './ai-route-types'
import type { AnswerFormat } from './answer-formats'
import { completeChecked, type AnswerCheck } from './complete-checked'
import { chatRequestFor, sendToProvider, type ChatSendOptions } from './send-to-provider'
import type { TargetHealth } from './target-health'

// Forwards a prepared AI call down its route and answers the consumer: one JSON body, or a stream
// written chunk by chunk as the provider's arrive. The bill is the provider's reported usage (or
// the tokenizer's count, marked estimated, when none came), priced for the target that served and
// settled through the charging step; the client is told the same amount it is charged.

export type PreparedAiCall = {
  call: GatewayCall
  request: ChatRequest
  targets: readonly AiTarget[]
  /** The tokenizer's count of the input, the reservation's (and the estimate's) input tokens. */
  inputTokens: number
  requested: number | null
  format: AnswerFormat
  context: TranslationContext
  health: TargetHealth
  charging: ChargingStep
  settleTokens(used: number): void
  /** A prompt's output check: a non-streamed answer that fails it is asked for again (complete-checked.ts). */
  check?: { test: AnswerCheck<Record<string, unknown>>; maxAnswers: number }
  forTarget?: ChatSendOptions['forTarget']
  /** Set when the version captures calls: a streamed answer is handed to it assembled. */
  capture?: AiCallCapture | null
}

export async function answerFromProvider(prepared: PreparedAiCall): Promise<void> {
  const { call } = prepared
  call.forwarded = true
  call.upstreamStartedAt = performance.now()
  let used = 0
  const options: ChatSendOptions = {
    timeoutMs: call.route!.timeoutMs,
    requested: prepared.requested,
    health: prepared.health,
    requestId: call.requestId,
    forTarget: prepared.forTarget,
  }
  try {
    if (!prepared.request.stream) {
      used = await answerComplete(prepared, options)
      return
    }
    const build = chatRequestFor(prepared.request, prepared.requested, prepared.forTarget)
    const answer = await sendToProvider(build, prepared.targets, options)
    call.attempts = Math.max(1, answer.attempts)
    if (!answer.ok) return call.respondProblem(answer.error)
    call.upstreamMs = performance.now() - call.upstreamStartedAt
    call.provider = answer.target.modelName
    used = await answerStream(prepared, answer.target, answer.adapter, answer.response)
  } catch (error) {
    if (!call.done) call.respondProblem(toAppError(error))
  } finally {
    prepared.settleTokens(used)
  }
}

function aiHeaders(call: GatewayCall, target: AiTarget, out: OutHeaders): OutHeaders {
  out['cache-control'] = 'no-store'
  out['x-tollgate-model'] = target.modelName
  out['x-tollgate-provider'] = target.providerName
  call.addGatewayHeaders(out)
  return out
}

/** Records the usage on the call and returns what it is charged (0 when the plan is unpaid or free). */
export function bill(call: GatewayCall, charging: ChargingStep, target: AiTarget, usage: TokenUsage): bigint {
  call.inputTokens = usage.inputTokens
  call.outputTokens = usage.outputTokens
  call.usageEstimated = usage.estimated
  const plan = call.subscription!.plan
  if (call.tokenCharge !== null) call.tokenCharge.usageMicros = tokenCost(plan, target, usage)
  return charging.quote(call)
}

/** A non-streamed answer: the JSON with what served it and what it cost, and the call metered. */
export function sendAiJson(call: GatewayCall, target: AiTarget, value: unknown, cost: bigint): void {
  const text = JSON.stringify(value)
  call.status = 200
  call.responseBytes = Buffer.byteLength(text)
  if (!call.res.destroyed) {
    const out = aiHeaders(call, target, {
      'content-type': 'application/json',
      'content-length': call.responseBytes,
      'x-tollgate-cost': microsToDecimal(cost),
    })
    call.res.writeHead(200, out)
    call.res.end(text)
  } else {
    // The client left while the provider worked: the provider's usage is still owed, once.
    call.errorCode = 'client_closed'
  }
  call.finish()
}

function estimated(prepared: PreparedAiCall, outputText: string): TokenUsage {
  return {
    inputTokens: prepared.inputTokens,
    outputTokens: countTextTokens(outputText),
    cachedInputTokens: 0,
    estimated: true,
  }
}

async function answerComplete(prepared: PreparedAiCall, options: ChatSendOptions): Promise<number> {
  const { call } = prepared
  const answer = await completeChecked(
    prepared.request,
    prepared.targets,
    { ...options, context: prepared.context, inputTokens: prepared.inputTokens },
    prepared.check,
  )
  call.attempts = Math.max(1, answer.attempts)
  if (!answer.ok) {
    // Answers the model gave but the check refused were still consumed: billed once (see bill()).
    if (answer.target !== null && answer.answers > 0) {
      call.provider = answer.target.modelName
      bill(call, prepared.charging, answer.target, answer.usage)
    }
    call.respondProblem(answer.error)
    return answer.usage.inputTokens + answer.usage.outputTokens
  }
  const { target, usage } = answer
  call.upstreamMs = performance.now() - call.upstreamStartedAt
  call.provider = target.modelName
  const cost = bill(call, prepared.charging, target, usage)
  sendAiJson(
    call,
    target,
    prepared.format.complete(answer.completion, usage, microsToDecimal(cost), {
      output: answer.value ?? answer.text,
      served: target.modelName,
    }),
    cost,
  )
  return usage.inputTokens + usage.outputTokens
}

async function answerStream(
  prepared: PreparedAiCall,
  target: AiTarget,
  adapter: ProviderAdapter,
  response: Dispatcher.ResponseData,
): Promise<number> {
  const { call, context } = prepared
  const res = call.res
  const writer = prepared.format.stream(context, prepared.inputTokens, target.modelName)
  const translator = adapter.chatStream(context)
  let clientGone = res.destroyed
  const onClose = () => {
    if (!res.writableFinished) clientGone = true
  }
  res.once('close', onClose)
  call.status = 200
  if (!clientGone) {
    res.writeHead(
      200,
      aiHeaders(call, target, {
        'content-type': 'text/event-stream; charset=utf-8',
        'x-accel-buffering': 'no',
      }),
    )
  }
  let output = ''
  let delivered = false
  const assembler = prepared.capture ? new StreamAssembler() : null
  const send = async (text: string) => {
    if (clientGone || text === '') return
    call.responseBytes += Buffer.byteLength(text)
    // Back-pressure: stop reading the provider while the client's socket buffer is full.
    if (!res.write(text)) await new Promise<void>((resolve) => (res.once('drain', resolve), res.once('close', resolve)))
  }
  // All the chunks of one provider read go out in one write: one syscall per read, not per token.
  const take = (chunks: ChatCompletionChunk[]) => {
    let text = ''
    for (const chunk of chunks) {
      assembler?.push(chunk)
      const delta = chunk.choices[0]?.delta
      let piece = delta?.content ?? ''
      for (const call of delta?.tool_calls ?? [])
        piece += (call.function?.name ?? '') + (call.function?.arguments ?? '')
      if (piece) {
        output += piece
        if (!delivered) {
          delivered = true
          call.ttftMs = performance.now() - call.startedAt
        }
      }
      text += writer.chunk(chunk)
    }
    return send(text)
  }
  let failure: string | null = null
  try {
    // Read to the end even after the client left: the provider bills the whole answer, so do we.
    for await (const bytes of response.body as AsyncIterable<Buffer>) await take(translator.push(bytes))
    await take(translator.end())
  } catch (error) {
    failure = error instanceof AppError ? error.message : `${target.providerName} broke off the stream.`
    response.body.destroy()
  }
  res.off('close', onClose)
  const usage = translator.usage() ?? estimated(prepared, output)
  if (failure !== null && !delivered) {
    // Nothing reached the consumer: not charged (the reservation goes back).
    call.errorCode = 'upstream_unreachable'
    await send(writer.error(failure))
    if (!clientGone) res.end()
    call.finish()
    return 0
  }
  if (failure !== null) call.errorCode = 'provider_stream_failed'
  else if (clientGone) call.errorCode = 'client_closed'
  const cost = bill(call, prepared.charging, target, usage)
  if (assembler && failure === null) {
    const completion = assembler.completion(context)
    const facts = { output, served: target.modelName }
    prepared.capture!.keepAssembled(prepared.format.complete(completion, usage, microsToDecimal(cost), facts))
  }
  await send(failure !== null ? writer.error(failure) : writer.end(usage, microsToDecimal(cost)))
  if (!clientGone) res.end()
  call.finish()
  return usage.inputTokens + usage.outputTokens
}
