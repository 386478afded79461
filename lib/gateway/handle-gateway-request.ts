import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AiGateway } from '../ai/gateway/ai-gateway'
import type { CaptureSink } from './capture-tap'
import type { Meter } from './invocation-record'
import { authenticateKey, findSubscription, hasAmbiguousCredentials } from './authenticate-key'
import { chargeThenForward, refuse } from './charge-then-forward'
import type { ChargingStep } from './charging-step'
import { GatewayCall } from './gateway-call'
import { proxyRequest } from './proxy-request'
import type { RateDecision, WindowLimiter } from './rate-limiter'
import { parseGatewayPath } from './parse-gateway-path'
import type { SnapshotStore } from './snapshot-store'

// The per-call pipeline, one step per line of the design:
//   resolve route → authenticate key → lifecycle → subscription → rate limit → body size →
//   charge (billing's seam) → proxy (or, on AI routes, lib/ai/gateway) → meter (GatewayCall.finish, on every path).
// Every read comes from the in-memory snapshot; nothing here touches the database.

const USAGE_PATH = '/gw/_me/usage'

export type GatewayDeps = {
  store: SnapshotStore
  meter: Meter
  /** Requests per window per (key, plan); tokens per minute share it, through `ai`. */
  limiter: WindowLimiter
  charging: ChargingStep
  maxBodyBytes: number
  /** AI_CHAT and AI_PROMPT routes: models, provider fallback, token billing (lib/ai/gateway). */
  ai: AiGateway
  /** Where versions with capture on send what was seen of each proxied call (lib/calls/capture). */
  captures?: CaptureSink
}

export function createGatewayHandler(deps: GatewayDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { store, meter, limiter, charging, maxBodyBytes, ai, captures } = deps

  function forward(call: GatewayCall, suffix: string): void {
    proxyRequest(call, suffix, maxBodyBytes, captures)
  }

  function run(call: GatewayCall): void {
    const snapshot = store.current
    const now = call.createdAt
    if (call.req.url === USAGE_PATH || call.req.url?.startsWith(USAGE_PATH + '?')) return reportUsage(call)

    const target = parseGatewayPath(call.req.url ?? '')
    const route = target === null ? undefined : snapshot.routes.get(target.routeKey)
    if (target === null || route === undefined) return call.fail('route_not_found')
    call.route = route
    // Errors on AI routes carry the member the OpenAI / Anthropic SDKs read, from the first one on.
    // A prompt API is a plain JSON API: its errors are problem+json only.
    if (route.kind === 'AI_CHAT')
      call.aiErrorStyle = /^(\/v1)?\/messages(\?|$)/.test(target.suffix) ? 'anthropic' : 'openai'

    if (hasAmbiguousCredentials(call.req)) return call.fail('ambiguous_credentials')
    const key = authenticateKey(call.req.headers, snapshot, now)
    if (typeof key === 'string') {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      return call.fail(key, { headers: { 'www-authenticate': 'Bearer realm="tollgate"' } })
    }
    call.key = key

    if (route.state === 'RETIRED') {
      const successor = route.successor
      return call.fail('version_retired', {
        detail: successor
          ? `This API version has been retired. Use ${successor.version} at ${successor.url} instead.`
          : 'This API version has been retired and has no successor.',
        extra: successor ? { successorVersion: successor.version, successorUrl: successor.url } : {},
        headers: successor ? { link: `<${successor.url}>; rel="successor-version"` } : undefined,
      })
    }

    const subscription = findSubscription(snapshot, key, route)
    if (subscription === null) return call.fail('not_subscribed')
    call.subscription = subscription

    if (subscription.rateLimit > 0) {
      const id = key.id + '|' + subscription.planId
      const decision = limiter.take(id, subscription.rateLimit, 1, subscription.windowMs, now)
      if (decision instanceof Promise) {
        // This instance's share of a shared limit ran out: the next share comes from Redis.
        decision
          .then((answer) => afterRateLimit(call, target.suffix, answer))
          .catch((error: unknown) => {
            console.error(`[gateway ${call.requestId}] rate limit failed`, error)
            call.fail('internal_error')
          })
        return
      }
      return afterRateLimit(call, target.suffix, decision)
    }
    afterRateLimit(call, target.suffix, null)
  }

  function afterRateLimit(call: GatewayCall, suffix: string, decision: RateDecision | null): void {
    const route = call.route!
    if (decision !== null) {
      call.rateRemaining = decision.remaining
      call.rateResetSeconds = decision.resetSeconds
      if (!decision.allowed) {
        return call.fail('rate_limited', {
          extra: { retryAfter: decision.resetSeconds },
          // RFC 9110 §10.2.3: Retry-After in delay-seconds.
          headers: { 'retry-after': decision.resetSeconds },
        })
      }
    }

    // Refuse a declared oversize body before reading a byte of it; streamed bodies are counted.
    const declared = call.req.headers['content-length']
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      return call.fail('payload_too_large', {
        detail: `The request body is larger than the ${maxBodyBytes}-byte limit.`,
        headers: { connection: 'close' },
      })
    }

    if (route.kind === 'AI_PROMPT') return ai.handlePrompt(call, suffix)
    if (route.ai !== null) return ai.handle(call, suffix)
    chargeThenForward(charging, call, () => forward(call, suffix))
  }

  // GET /gw/_me/usage - the calling key's team: balance, spend this month, free quota left.
  function reportUsage(call: GatewayCall): void {
    if (hasAmbiguousCredentials(call.req)) return call.fail('ambiguous_credentials')
    const key = authenticateKey(call.req.headers, store.current, call.createdAt)
    if (typeof key === 'string') return call.fail(key, { headers: { 'www-authenticate': 'Bearer realm="tollgate"' } })
    call.key = key
    const readUsage = charging.usage
    if (!readUsage) return call.fail('route_not_found')
    // Charges still queued here would be missing from the database's balance and spend.
    Promise.resolve(meter.flush?.())
      .then(() => readUsage.call(charging, key))
      .then(
        (report) => call.respondJson(200, report),
        (error: unknown) => refuse(call, error),
      )
  }

  return function handleGatewayRequest(req: IncomingMessage, res: ServerResponse): void {
    const call = new GatewayCall(req, res, meter, charging)
    try {
      run(call)
    } catch (error) {
      // A bug in a step must cost one call, not the process.
      console.error(`[gateway ${call.requestId}] unexpected error`, error)
      call.fail('internal_error')
    }
  }
}
