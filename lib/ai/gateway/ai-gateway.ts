import type { AiModelKind } from '@/generated/sqlite/enums'
import { AppError } from '@/lib/errors/app-error'
import { toAppError } from '@/lib/errors/to-problem'
import { chargeThenForward } from '@/lib/gateway/charge-then-forward'
import type { CaptureSink } from '@/lib/gateway/capture-tap'
import type { ChargingStep } from '@/lib/gateway/charging-step'
import type { GatewayCall } from '@/lib/gateway/gateway-call'
import type { ChatRequest } from '../chat-types'
import { countInputTokens } from '../count-tokens'
import { parseChatRequest } from '../ingress/chat-request-schema'
import { parseEmbeddingsRequest } from '../ingress/embeddings-request-schema'
import { anthropicToChatRequest } from '../ingress/anthropic-messages'
import { AiCallCapture } from './ai-capture'
import { worstCase } from './ai-pricing'
import { answerFromProvider, type PreparedAiCall } from './answer-from-provider'
import { preparePromptCall } from '../prompt/prompt-call'
import { promptRequestFor } from '../prompt/prompt-request'
import { anthropicFormat, openAiFormat, type AnswerFormat } from './answer-formats'
import { readJsonBody } from './read-json-body'
import {
  answerEmbeddings,
  countEmbeddingInputs,
  EMBEDDING_MARGIN_PER_INPUT,
  targetsFittingContext,
} from './answer-embeddings'
import type { ExposedModel } from './ai-route-types'
import { DEFAULT_COOLDOWN, TargetHealth, type CooldownPolicy } from './target-health'
import { RateLimiter, type RateDecision, type WindowLimiter } from '@/lib/gateway/rate-limiter'

// The AI_CHAT half of the gateway pipeline, entered after the steps every route shares (route,
// key, lifecycle, subscription, rate limit): read and validate the body in the consumer's format,
// resolve the exposed model, count the input, check tokens per minute, reserve the worst case
// through the charging step, then send it down the model's route (answer-from-provider.ts; for
// POST /embeddings, answer-embeddings.ts). AI_PROMPT routes enter at handlePrompt and share the
// same steps from forward() on.

/** Per-message framing the tokenizer's formula may miss on some providers (role markers, separators). */
const FRAMING_MARGIN_PER_MESSAGE = 4
/** Token windows share the limiter with request windows (ids `key|plan`): a prefix keeps them apart. */
const TOKENS_ID = 'tpm|'

/** Plan.tokensPerMinute: fixed one-minute windows per subscription, on the gateway's limiter. */
const TOKEN_WINDOW_MS = 60_000

export type AiGatewayOptions = {
  cooldown?: CooldownPolicy
  random?: () => number
  /** Where tokens per minute are counted: the request limiter's store (shared through Redis when set). */
  tokens?: WindowLimiter
  /** Where calls to versions with capture on send what they exchanged (lib/calls/capture). */
  captures?: CaptureSink
}

export class AiGateway {
  readonly health: TargetHealth
  readonly tokens: WindowLimiter
  private readonly captures: CaptureSink | undefined

  constructor(
    private readonly charging: ChargingStep,
    private readonly maxBodyBytes: number,
    options: AiGatewayOptions = {},
  ) {
    this.health = new TargetHealth(options.cooldown ?? DEFAULT_COOLDOWN, options.random)
    this.tokens = options.tokens ?? new RateLimiter()
    this.captures = options.captures
  }

  handle(call: GatewayCall, suffix: string): void {
    const capture = AiCallCapture.start(call, this.captures)
    const q = suffix.indexOf('?')
    const path = q === -1 ? suffix : suffix.slice(0, q)
    const method = call.req.method ?? 'GET'
    if (path === '/models' && method === 'GET') return this.listModels(call)
    // @anthropic-ai/sdk appends /v1/messages to its baseURL; both forms reach the Messages endpoint.
    const endpoint =
      path === '/chat/completions'
        ? 'chat'
        : path === '/messages' || path === '/v1/messages'
          ? 'messages'
          : path === '/embeddings'
            ? 'embeddings'
            : null
    if (endpoint === null || method !== 'POST') {
      return call.fail('route_not_found', {
        detail: 'This AI API answers POST /chat/completions, POST /messages, POST /embeddings and GET /models.',
      })
    }
    readJsonBody(call, this.maxBodyBytes, capture?.keepRequest.bind(capture)).then(
      (body) =>
        endpoint === 'embeddings' ? this.prepareEmbeddings(call, body) : this.prepare(call, endpoint, body, capture),
      (error: unknown) => call.respondProblem(toAppError(error), { connection: 'close' }),
    )
  }

  private listModels(call: GatewayCall): void {
    const ai = call.route!.ai!
    const names = [...ai.models.keys()].sort((a, b) =>
      a === ai.defaultModel ? -1 : b === ai.defaultModel ? 1 : a.localeCompare(b),
    )
    call.respondJson(200, {
      object: 'list',
      data: names.map((id) => ({ id, object: 'model', created: ai.created, owned_by: ai.ownedBy })),
    })
  }

  private prepare(
    call: GatewayCall,
    endpoint: 'chat' | 'messages',
    body: unknown,
    capture: AiCallCapture | null,
  ): void {
    let request: ChatRequest
    try {
      request = endpoint === 'chat' ? parseChatRequest(body) : anthropicToChatRequest(body)
    } catch (error) {
      return call.respondProblem(toAppError(error))
    }
    const model = this.exposedModel(call, request.model, 'CHAT')
    if (model === null) return
    const format = endpoint === 'chat' ? openAiFormat(request.stream_options?.include_usage === true) : anthropicFormat
    this.forward(call, model, request, format, { capture })
  }

  /** An AI_PROMPT route: POST / with the variables (lib/ai/prompt/prompt-call.ts builds the request). */
  handlePrompt(call: GatewayCall, suffix: string): void {
    const capture = AiCallCapture.start(call, this.captures)
    const q = suffix.indexOf('?')
    const path = q === -1 ? suffix : suffix.slice(0, q)
    if (path !== '' && path !== '/') {
      return call.fail('route_not_found', { detail: 'This prompt API answers POST / with {"variables": {...}}.' })
    }
    if (call.req.method !== 'POST') {
      return call.respondProblem(
        new AppError({ code: 'method_not_allowed', status: 405, message: 'This prompt API answers POST only.' }),
        { allow: 'POST' },
      )
    }
    readJsonBody(call, this.maxBodyBytes, capture?.keepRequest.bind(capture)).then(
      (body) => {
        const prepared = preparePromptCall(call.route!, body)
        if (!prepared.ok) return call.respondProblem(prepared.error)
        const { model, request, format, check } = prepared
        this.forward(call, model, request, format, { check, forTarget: promptRequestFor, capture })
      },
      (error: unknown) => call.respondProblem(toAppError(error), { connection: 'close' }),
    )
  }

  /**
   * The steps every chat call shares once its request is known (chat, messages, prompts): count
   * the input and reserve the worst case, for every answer a checked call may need, then answer.
   */
  private forward(
    call: GatewayCall,
    model: ExposedModel,
    request: ChatRequest,
    format: AnswerFormat,
    extra: Pick<PreparedAiCall, 'check' | 'forTarget' | 'capture'> = {},
  ): void {
    call.model = model.name
    const targets = this.health.order(model, call.createdAt)
    const inputTokens = countInputTokens(request) + FRAMING_MARGIN_PER_MESSAGE * request.messages.length
    const requested = request.max_completion_tokens ?? request.max_tokens ?? null
    // A checked non-streamed call may take several answers; a stream gets one.
    const answers = request.stream ? 1 : (extra.check?.maxAnswers ?? 1)
    const single = worstCase(call.subscription!.plan, targets, inputTokens, requested)
    const worst = { micros: single.micros * BigInt(answers), tokens: single.tokens * answers }
    this.reserveThenSend(call, worst, (settleTokens) => {
      const prepared: PreparedAiCall = {
        call,
        request,
        targets,
        inputTokens,
        requested,
        format,
        context: { id: `chatcmpl-${call.requestId}`, model: model.name, created: Math.floor(call.createdAt / 1000) },
        health: this.health,
        charging: this.charging,
        settleTokens,
        ...extra,
      }
      void answerFromProvider(prepared)
    })
  }

  private prepareEmbeddings(call: GatewayCall, body: unknown): void {
    let parsed: ReturnType<typeof parseEmbeddingsRequest>
    try {
      parsed = parseEmbeddingsRequest(body)
    } catch (error) {
      return call.respondProblem(toAppError(error))
    }
    const model = this.exposedModel(call, parsed.request.model, 'EMBEDDING')
    if (model === null) return
    const inputTokens = countEmbeddingInputs(parsed.request)
    const fitting = targetsFittingContext(this.health.order(model, call.createdAt), inputTokens)
    if (!fitting.ok) return call.respondProblem(fitting.error)
    const { targets } = fitting
    const countedTokens = inputTokens.reduce((sum, n) => sum + n, 0)
    const reserved = countedTokens + EMBEDDING_MARGIN_PER_INPUT * parsed.request.input.length
    // Embeddings have no output: an output limit of 0 prices the input alone.
    const worst = worstCase(call.subscription!.plan, targets, reserved, 0)
    this.reserveThenSend(call, worst, (settleTokens) => {
      void answerEmbeddings({
        call,
        ...parsed,
        targets,
        countedTokens,
        health: this.health,
        charging: this.charging,
        settleTokens,
      })
    })
  }

  /** The exposed model the call names, or null once the call is answered (unknown, or the wrong kind). */
  private exposedModel(call: GatewayCall, name: string, kind: AiModelKind): ExposedModel | null {
    const model = call.route!.ai!.models.get(name)
    if (model === undefined) {
      call.respondProblem(
        new AppError({
          code: 'model_not_found',
          status: 404,
          message: `The model "${name}" does not exist on this API. GET /models lists the models it serves.`,
        }),
      )
      return null
    }
    if (model.kind !== kind) {
      const [what, where] =
        model.kind === 'EMBEDDING' ? ['an embedding', 'POST /embeddings'] : ['a chat', 'POST /chat/completions']
      call.respondProblem(
        new AppError({
          code: 'wrong_model_kind',
          status: 400,
          message: `The model "${name}" is ${what} model; ${where} serves it.`,
          extra: { param: 'model' },
        }),
      )
      return null
    }
    call.model = model.name
    return model
  }

  /**
   * Takes the worst case from the plan's tokens per minute, reserves its cost through the charging
   * step, then sends. Whatever the outcome, the tokens per minute end up counting what was used.
   */
  private reserveThenSend(
    call: GatewayCall,
    worst: { micros: bigint; tokens: number },
    send: (settleTokens: (used: number) => void) => void,
  ): void {
    const subscription = call.subscription!
    const plan = subscription.plan
    if (plan.tokensPerMinute <= 0) return this.reserveMoneyThenSend(call, worst, send, null)
    const decision = this.tokens.take(
      TOKENS_ID + subscription.id,
      plan.tokensPerMinute,
      worst.tokens,
      TOKEN_WINDOW_MS,
      call.createdAt,
    )
    if (decision instanceof Promise) {
      decision.then(
        (answer) => this.reserveMoneyThenSend(call, worst, send, answer),
        (error: unknown) => call.respondProblem(toAppError(error)),
      )
      return
    }
    this.reserveMoneyThenSend(call, worst, send, decision)
  }

  private reserveMoneyThenSend(
    call: GatewayCall,
    worst: { micros: bigint; tokens: number },
    send: (settleTokens: (used: number) => void) => void,
    tokens: RateDecision | null,
  ): void {
    const subscription = call.subscription!
    const plan = subscription.plan
    if (tokens !== null && !tokens.allowed) {
      return call.respondProblem(
        new AppError({
          code: 'token_rate_limited',
          status: 429,
          message: `This call needs up to ${worst.tokens} tokens, more than is left of the plan's ${plan.tokensPerMinute} tokens per minute.`,
          extra: { retryAfter: tokens.resetSeconds },
        }),
        { 'retry-after': tokens.resetSeconds },
      )
    }
    // Read now: a local limiter reuses its decision object for the next call.
    const tokenWindow = tokens === null ? null : tokens.windowStart
    if (plan.paid) call.tokenCharge = { reserveMicros: worst.micros, usageMicros: null }
    const settleTokens = (used: number) => {
      if (tokenWindow !== null && used < worst.tokens)
        this.tokens.giveBack(TOKENS_ID + subscription.id, tokenWindow, worst.tokens - used)
    }
    chargeThenForward(
      this.charging,
      call,
      () => send(settleTokens),
      () => settleTokens(0),
    )
  }
}
