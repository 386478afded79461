import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { withAiErrorMember, type AiErrorStyle } from '../ai/gateway/ai-error-member'
import { AppError } from '../errors/app-error'
import { toProblem } from '../errors/to-problem'
import type { Meter } from './invocation-record'
import type { ChargeableCall, ChargeHold, ChargingStep, TokenCharge } from './charging-step'
import { GATEWAY_ERRORS, type GatewayErrorCode } from './gateway-errors'
import { PAYMENT_PAGE_CSP, prefersHtml, renderPaymentRequiredPage } from './payment-required-page'
import type { OutHeaders } from './out-headers'
import { requestIdFor } from './request-id'
import { addSecurityHeaders } from './security-headers'
import type { KeyEntry, RouteEntry, SubscriptionEntry } from './snapshot-types'

// The state of one call as it moves through the pipeline, and the single place that answers it
// and meters it. finish() runs exactly once per call, whatever path the call took.

const MAX_METERED_PATH = 2_048

export class GatewayCall implements ChargeableCall {
  readonly requestId: string
  readonly startedAt = performance.now()
  readonly createdAt = Date.now()
  route: RouteEntry | null = null
  key: KeyEntry | null = null
  subscription: SubscriptionEntry | null = null
  status = 0
  errorCode: string | null = null
  upstreamStartedAt = 0
  upstreamMs: number | null = null
  requestBytes = 0
  responseBytes = 0
  // Set by the charging step (billing) before the call is metered.
  inputTokens = 0
  outputTokens = 0
  costMicros = 0n
  incidentId: string | null = null
  charge: ChargeHold | null = null
  tokenCharge: TokenCharge | null = null
  /** A successful call on a paid plan: it counts towards the month's usage (free quota). */
  billable = false
  /** For a 402: what the call would have cost, the revenue its owner did not get. */
  blockedMicros = 0n
  /** -1 when the plan has no rate limit; otherwise the values for the RateLimit-* headers. */
  rateRemaining = -1
  rateResetSeconds = 0
  forwarded = false
  done = false
  // AI routes (lib/ai/gateway): the SDK-shaped error member, and what the call log shows of the call.
  aiErrorStyle: AiErrorStyle | null = null
  /** The exposed model the consumer asked for, and the provider (by its configured name) that served it. */
  model: string | null = null
  provider: string | null = null
  usageEstimated = false
  /** Provider attempts: 1 + fallbacks. */
  attempts = 1
  ttftMs: number | null = null

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly meter: Meter,
    private readonly charging: ChargingStep,
  ) {
    this.requestId = requestIdFor(req.headers['x-request-id'])
  }

  /** X-Request-Id, the security headers, the lifecycle headers and the RateLimit-* headers, on every answer. */
  addGatewayHeaders(out: OutHeaders): void {
    out['x-request-id'] = this.requestId
    addSecurityHeaders(out)
    const route = this.route
    if (route !== null && route.lifecycleHeaders.length > 0) {
      for (const [name, value] of route.lifecycleHeaders) {
        const prior = out[name]
        // Link is a list (RFC 8288 §3): keep the upstream's own links next to ours.
        out[name] = prior === undefined ? value : ([] as string[]).concat(prior as string | string[], value)
      }
    }
    const subscription = this.subscription
    if (this.rateRemaining >= 0 && subscription !== null) {
      // draft-ietf-httpapi-ratelimit-headers (-07): limit, remaining, seconds to reset, policy.
      out['ratelimit-limit'] = subscription.rateLimitText
      out['ratelimit-remaining'] = this.rateRemaining
      out['ratelimit-reset'] = this.rateResetSeconds
      out['ratelimit-policy'] = subscription.ratePolicy
    }
  }

  /** Answers with one of the gateway's own errors. */
  fail(
    code: GatewayErrorCode,
    options?: { detail?: string; extra?: Record<string, unknown>; headers?: OutHeaders },
  ): void {
    const spec = GATEWAY_ERRORS[code]
    this.respondProblem(
      new AppError({ code, status: spec.status, message: options?.detail ?? spec.message, extra: options?.extra }),
      options?.headers,
    )
  }

  /** RFC 9457 problem+json answer; if the upstream's headers already went out, the socket is cut. */
  respondProblem(error: AppError, headers?: OutHeaders): void {
    if (this.done) return
    this.status = error.status
    this.errorCode = error.code
    const res = this.res
    if (res.headersSent) {
      // Too late for a status code: cutting the connection is the only honest signal left.
      res.destroy()
    } else if (!res.destroyed) {
      const plain = toProblem(error, this.requestId)
      const problem = this.aiErrorStyle === null ? plain : withAiErrorMember(plain, this.aiErrorStyle)
      const html = error.status === 402 && prefersHtml(this.req.headers)
      const body = html ? renderPaymentRequiredPage(problem) : JSON.stringify(problem)
      this.responseBytes = Buffer.byteLength(body)
      const out: OutHeaders = {
        'content-type': html ? 'text/html; charset=utf-8' : 'application/problem+json',
        'content-length': this.responseBytes,
        'cache-control': 'no-store',
      }
      // The answer depends on Accept: a shared cache must not hand the HTML page to an API client.
      if (error.status === 402) out.vary = 'Accept'
      this.addGatewayHeaders(out)
      if (html) {
        out['x-robots-tag'] = 'noindex'
        addSecurityHeaders(out, PAYMENT_PAGE_CSP)
      }
      if (headers) Object.assign(out, headers)
      res.writeHead(error.status, out)
      res.end(body)
    }
    this.finish()
  }

  /** A JSON answer the gateway makes itself (e.g. /gw/_me/usage); never cached, it is per key. */
  respondJson(status: number, value: unknown): void {
    if (this.done || this.res.destroyed) return this.finish()
    const body = JSON.stringify(value)
    this.status = status
    this.responseBytes = Buffer.byteLength(body)
    const out: OutHeaders = {
      'content-type': 'application/json',
      'content-length': this.responseBytes,
      'cache-control': 'no-store',
    }
    this.addGatewayHeaders(out)
    this.res.writeHead(status, out)
    this.res.end(body)
    this.finish()
  }

  /** Meters the call (after letting the charging step settle it). Idempotent. */
  finish(): void {
    if (this.done) return
    this.done = true
    if (this.forwarded || this.charge !== null) {
      const upstreamFailed =
        this.status >= 500 || this.errorCode === 'upstream_timeout' || this.errorCode === 'upstream_unreachable'
      try {
        const consumed = this.errorCode === 'invalid_model_output'
        this.charging.afterResponse(this, {
          status: this.status,
          upstreamFailed: upstreamFailed && !consumed,
          consumed,
        })
      } catch (error) {
        console.error(`[gateway ${this.requestId}] charging.afterResponse failed`, error)
      }
    }
    const url = this.req.url ?? ''
    const q = url.indexOf('?')
    let path = q === -1 ? url : url.slice(0, q)
    if (path.length > MAX_METERED_PATH) path = path.slice(0, MAX_METERED_PATH)
    const route = this.route
    const key = this.key
    this.meter.record({
      requestId: this.requestId,
      createdAt: this.createdAt,
      ownerTeamId: route ? route.ownerTeamId : null,
      consumerTeamId: key ? key.teamId : null,
      apiId: route ? route.apiId : null,
      versionId: route ? route.versionId : null,
      keyId: key ? key.id : null,
      subscriptionId: this.subscription ? this.subscription.id : null,
      method: this.req.method ?? 'GET',
      path,
      status: this.status,
      errorCode: this.errorCode,
      latencyMs: performance.now() - this.startedAt,
      upstreamMs: this.upstreamMs,
      requestBytes: this.requestBytes,
      responseBytes: this.responseBytes,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      costMicros: this.costMicros,
      incidentId: this.incidentId,
      planId: this.subscription ? this.subscription.plan.id : null,
      billable: this.billable,
      blockedMicros: this.blockedMicros,
      chargeLabel: this.billable && route && this.subscription ? route.label : null,
      model: this.model,
      provider: this.provider,
      usageEstimated: this.usageEstimated,
      attempts: this.attempts,
      ttftMs: this.ttftMs,
      captured: route !== null && route.capture !== null && this.forwarded,
    })
  }
}
