import type { Dispatcher } from 'undici'
import { AppError } from '@/lib/errors/app-error'
import { isOutboundRefused } from '@/lib/net/outbound-dispatcher'
import type { ChatRequest } from '../chat-types'
import type { ProviderAdapter, ProviderHttpRequest } from '../provider-adapter'
import { adapterFor } from '../providers/adapter-for'
import { providerError } from '../providers/provider-errors'
import { outputLimit } from './ai-pricing'
import type { AiTarget } from './ai-route-types'
import type { TargetHealth } from './target-health'

// Sends a request (a chat completion, or embeddings) down a route: each target in turn, through its pool (which connects only
// where the outbound policy allows), until one answers. A connection error, a timeout, a 429 or a
// 5xx moves on to the next target; nothing has been sent to the client yet, so nothing is lost.
// Another 4xx is the request's own fault (or the operator's, for 401/403) and ends the call.

const MAX_ERROR_BODY_BYTES = 64 * 1024

export type ProviderAnswer = {
  ok: true
  target: AiTarget
  adapter: ProviderAdapter
  response: Dispatcher.ResponseData
  attempts: number
}
export type ProviderFailure = { ok: false; error: AppError; attempts: number }

export type SendOptions = { timeoutMs: number; health: TargetHealth; requestId: string }

/** A chat call's options: what was reserved for output, and the request's per-target form. */
export type ChatSendOptions = SendOptions & {
  requested: number | null
  forTarget?: (request: ChatRequest, target: AiTarget) => ChatRequest
}

/** Builds one target's request; throws a 400 AppError when that target cannot carry it. */
export type BuildProviderRequest = (adapter: ProviderAdapter, target: AiTarget) => ProviderHttpRequest

/**
 * A chat request for each target, its output limit within what was reserved. `forTarget` adapts
 * it per target first (a prompt drops response_format where the provider has none).
 */
export function chatRequestFor(
  request: ChatRequest,
  requested: number | null,
  forTarget?: (request: ChatRequest, target: AiTarget) => ChatRequest,
): BuildProviderRequest {
  return (adapter, target) => {
    const base = forTarget ? forTarget(request, target) : request
    // The limit goes to the provider, so the output cannot exceed what was reserved for it.
    const limited: ChatRequest = { ...base, max_tokens: outputLimit(requested, target) }
    delete limited.max_completion_tokens
    return adapter.chatRequest(limited, target.provider)
  }
}

export async function sendToProvider(
  build: BuildProviderRequest,
  targets: readonly AiTarget[],
  options: SendOptions,
): Promise<ProviderAnswer | ProviderFailure> {
  let attempts = 0
  let lastError: AppError | null = null
  let unsupported: AppError | null = null
  for (const target of targets) {
    const adapter = adapterFor(target.provider.kind)
    let outgoing
    try {
      outgoing = build(adapter, target)
    } catch (error) {
      // unsupported_feature (400): this provider cannot carry the request; a later target may.
      if (!(error instanceof AppError) || error.status !== 400) throw error
      unsupported ??= error
      continue
    }
    attempts += 1
    try {
      const response = await target.pool.request({
        path: target.basePath + outgoing.path,
        method: outgoing.method,
        headers: { ...outgoing.headers, 'x-request-id': options.requestId },
        body: outgoing.method === 'POST' ? outgoing.body : null,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      })
      const status = response.statusCode
      if (status < 300) {
        return { ok: true, target, adapter, response, attempts }
      }
      const message = adapter.errorMessage(status, await readErrorBody(response))
      if (status === 429 || status >= 500) {
        options.health.failed(target, Date.now())
        lastError = providerUnavailable(`${target.providerName} answered HTTP ${status}: ${message}`)
        continue
      }
      // The provider refused the request itself: a bad request stays the consumer's; 401/403/404
      // mean the route is misconfigured, which is the operator's (502).
      const consumerFault = status === 400 || status === 413 || status === 422
      return {
        ok: false,
        attempts,
        error: new AppError({
          code: consumerFault ? 'provider_rejected_request' : 'provider_error',
          status: consumerFault ? 400 : 502,
          message: `${target.providerName} refused the request (HTTP ${status}): ${message}`,
        }),
      }
    } catch (error) {
      options.health.failed(target, Date.now())
      lastError = connectionFailure(target, error)
    }
  }
  // No target could carry the request at all: that is the consumer's 400, before anything was sent.
  const error = lastError ?? unsupported ?? providerUnavailable('This model has no provider to call.')
  return { ok: false, attempts, error }
}

function providerUnavailable(message: string): AppError {
  return new AppError({ code: 'provider_unavailable', status: 502, message })
}

function connectionFailure(target: AiTarget, error: unknown): AppError {
  const code = (error as { code?: string }).code
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new AppError({
      code: 'provider_timeout',
      status: 504,
      message: `${target.providerName} did not answer in time.`,
    })
  }
  const reason = isOutboundRefused(error) ? 'refused by the outbound policy' : 'could not be reached'
  return providerUnavailable(`${target.providerName} ${reason}.`)
}

async function readErrorBody(response: Dispatcher.ResponseData): Promise<unknown> {
  let text = ''
  for await (const chunk of response.body) {
    if (text.length < MAX_ERROR_BODY_BYTES) text += String(chunk)
  }
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A provider's non-streamed 2xx body; one that is not JSON is the provider's fault (502). */
export async function readProviderJson(target: AiTarget, response: Dispatcher.ResponseData): Promise<unknown> {
  try {
    return await response.body.json()
  } catch {
    throw providerError(`${target.providerName} answered with a body that is not JSON.`)
  }
}
