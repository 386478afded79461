import { computeCallCharge } from '@/lib/billing/compute-call-charge'
import { utcMonth } from '@/lib/billing/month'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'

// The call model behind seedLargeUsage: who calls what, when, and how it goes. Deterministic for a
// given seed, so a test (or a benchmark) gets the same history every run.

export type CallRoute = {
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  versionId: string
  /** /gw/{team}/{api}/{version} */
  basePath: string
  kind: 'REST' | 'AI_CHAT' | 'AI_PROMPT'
  subscriptionId: string | null
  keyIds: string[]
  /** The subscription's plan (null without one); a paid plan's successful calls are billable. */
  planId: string | null
  paid: boolean
  freeCallsPerMonth: number
  pricePerCallMicros: bigint
  /** "acme/weather v2", as the gateway names a route in ledger descriptions. */
  label: string
  weight: number
  profile: ApiProfile
  /** AI routes: the exposed models with their provider models in fallback order, and token prices. */
  ai?: AiRouteModels
  /** REST routes whose contract is known: calls use only its operations (method and concrete path). */
  operations?: Array<{ method: string; path: string }>
}

export type AiRouteModels = {
  models: Array<{ name: string; targets: string[] }>
  pricePerMInputMicros: bigint
  pricePerMOutputMicros: bigint
}

export type ApiProfile = {
  medianMs: number
  serverErrorRate: number
  clientErrorRate: number
  timeoutMs: number
  /** An outage: [start, end) epoch ms with a high 5xx rate, so the charts have something to show. */
  outage: [number, number] | null
}

/** mulberry32: tiny, fast and good enough for synthetic traffic. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

const logNormal = (random: Random, median: number, sigma: number) => {
  // Box-Muller; 1 - random() avoids log(0).
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return median * Math.exp(sigma * z)
}

export function createProfile(
  random: Random,
  kind: CallRoute['kind'],
  windowStart: number,
  windowEnd: number,
  timeoutMs: number,
): ApiProfile {
  const ai = kind !== 'REST'
  // Log-uniform medians: most APIs answer in tens of ms, AI ones in seconds.
  const medianMs = ai ? 600 * Math.pow(5, random()) : 8 * Math.pow(40, random())
  const outageStart = windowStart + random() * (windowEnd - windowStart - 6 * 3_600_000)
  return {
    medianMs,
    serverErrorRate: 0.002 + Math.pow(random(), 3) * 0.04,
    clientErrorRate: 0.01 + random() * 0.05,
    timeoutMs,
    outage: random() < 0.25 ? [outageStart, outageStart + (1 + Math.floor(random() * 4)) * 3_600_000] : null,
  }
}

/** Calls per hour follow a working-day curve (peak mid-afternoon UTC, quieter nights and weekends). */
export function hourWeight(hourStartMs: number): number {
  const date = new Date(hourStartMs)
  const hour = date.getUTCHours()
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6
  const daily = 0.25 + Math.exp(-((hour - 14) ** 2) / 18)
  return daily * (weekend ? 0.55 : 1)
}

/** Picks an index from cumulative weights by binary search. */
export function pickWeighted(cumulative: Float64Array, random: Random): number {
  const target = random() * cumulative[cumulative.length - 1]
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cumulative[mid] < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

const REST_PATHS = ['items', 'items/4711', 'items/search', 'orders', 'orders/1042/lines', 'status']

type Outcome = { status: number; errorCode: string | null; fromGateway: boolean }

function pickOutcome(random: Random, route: CallRoute, at: number): Outcome {
  const { profile } = route
  const inOutage = profile.outage !== null && at >= profile.outage[0] && at < profile.outage[1]
  const serverRate = inOutage ? 0.35 : profile.serverErrorRate
  let r = random()
  if (r < serverRate) {
    r = random()
    if (r < 0.45) return { status: 502, errorCode: 'upstream_unreachable', fromGateway: true }
    if (r < 0.6) return { status: 504, errorCode: 'upstream_timeout', fromGateway: true }
    if (r < 0.85) return { status: 500, errorCode: null, fromGateway: false }
    return { status: 503, errorCode: null, fromGateway: false }
  }
  r = (r - serverRate) / (1 - serverRate)
  // 402s are not drawn here: they come in episodes (payment-episodes.ts), as they do in real life.
  if (r < profile.clientErrorRate) {
    r = random()
    if (r < 0.25) return { status: 429, errorCode: 'rate_limited', fromGateway: true }
    if (r < 0.38) return { status: 401, errorCode: random() < 0.5 ? 'invalid_key' : 'key_expired', fromGateway: true }
    if (r < 0.45) return { status: 403, errorCode: 'not_subscribed', fromGateway: true }
    if (r < 0.75) return { status: 404, errorCode: null, fromGateway: false }
    return { status: random() < 0.6 ? 400 : 422, errorCode: null, fromGateway: false }
  }
  r = random()
  return { status: r < 0.8 ? 200 : r < 0.92 ? 201 : r < 0.97 ? 204 : 304, errorCode: null, fromGateway: false }
}

/** An outcome decided by the caller: a 402 inside a payment episode, or a call known to succeed. */
export type ForcedOutcome = { status: number; errorCode?: string | null; incidentId?: string | null }

function forcedOutcome(forced: ForcedOutcome): Outcome {
  // The gateway refuses unpaid calls before forwarding; only an upstream's own 402 took upstream time.
  const fromGateway = forced.status === 402 && forced.errorCode !== 'upstream_payment_required'
  return { status: forced.status, errorCode: forced.errorCode ?? null, fromGateway }
}

/**
 * One synthetic call on `route` at `at` (epoch ms), shaped like what the gateway meters. Its cost
 * is the full price; the caller takes free calls off with FreeCallCounter, as the gateway would.
 */
export function makeCall(
  random: Random,
  route: CallRoute,
  at: number,
  requestId: string,
  forced?: ForcedOutcome,
): InvocationRecord {
  const outcome = forced ? forcedOutcome(forced) : pickOutcome(random, route, at)
  const overheadMs = 0.2 + random() * 1.3
  let latencyMs: number
  let upstreamMs: number | null = null
  if (outcome.status === 504) latencyMs = route.profile.timeoutMs + overheadMs
  else if (outcome.status === 502) latencyMs = 1 + random() * 60
  else if (outcome.fromGateway) latencyMs = overheadMs
  else {
    upstreamMs = Math.min(logNormal(random, route.profile.medianMs, 0.65), route.profile.timeoutMs)
    latencyMs = upstreamMs + overheadMs
  }

  const ai = route.kind !== 'REST'
  const ok = outcome.status < 400
  const operation = route.operations?.length ? route.operations[Math.floor(random() * route.operations.length)] : null
  const method =
    operation?.method ??
    (ai ? 'POST' : random() < 0.72 ? 'GET' : random() < 0.85 ? 'POST' : random() < 0.5 ? 'PUT' : 'DELETE')
  const suffix =
    route.kind === 'AI_CHAT'
      ? '/chat/completions'
      : route.kind === 'AI_PROMPT'
        ? ''
        : (operation?.path ?? `/${REST_PATHS[Math.floor(random() * REST_PATHS.length)]}`)
  const inputTokens = ai && ok ? Math.floor(50 + random() * 1_500) : 0
  const outputTokens = ai && ok ? Math.floor(20 + random() * 600) : 0
  // An unknown key has no consumer: the gateway cannot tell who called (rollups use '').
  const anonymous = outcome.status === 401
  // Only successful calls are charged; 5xx and 402 never are (DESIGN: a failed call is free).
  const billable = ok && !anonymous && route.paid && route.subscriptionId !== null
  const blocked = outcome.status === 402 && !anonymous

  return {
    ...aiFields(random, route, outcome.status, latencyMs, inputTokens, outputTokens),
    requestId,
    createdAt: at,
    ownerTeamId: route.ownerTeamId,
    consumerTeamId: anonymous ? null : route.consumerTeamId,
    apiId: route.apiId,
    versionId: route.versionId,
    keyId: anonymous || route.keyIds.length === 0 ? null : route.keyIds[Math.floor(random() * route.keyIds.length)],
    subscriptionId: anonymous ? null : route.subscriptionId,
    method,
    path: `${route.basePath}${suffix}`,
    status: outcome.status,
    errorCode: outcome.errorCode,
    latencyMs: Math.round(latencyMs * 100) / 100,
    upstreamMs: upstreamMs === null ? null : Math.round(upstreamMs * 100) / 100,
    requestBytes: method === 'GET' || method === 'DELETE' ? 0 : Math.floor(logNormal(random, ai ? 2_000 : 500, 0.8)),
    responseBytes:
      outcome.status === 204 || outcome.status === 304 ? 0 : Math.floor(logNormal(random, ok ? 1_800 : 250, 0.9)),
    inputTokens,
    outputTokens,
    costMicros: ok ? callPrice(route, inputTokens, outputTokens) : 0n,
    incidentId: blocked ? (forced?.incidentId ?? null) : null,
    planId: anonymous ? null : route.planId,
    billable,
    // What the owner did not earn: the price of each refused call.
    blockedMicros: blocked ? route.pricePerCallMicros : 0n,
    chargeLabel: billable ? route.label : null,
  }
}

/** A call's full price: per call, plus tokens on an AI route's per-token plan. */
function callPrice(route: CallRoute, inputTokens: number, outputTokens: number): bigint {
  if (!route.ai) return route.pricePerCallMicros
  return computeCallCharge({
    plan: {
      paid: true,
      pricePerCallMicros: route.pricePerCallMicros,
      pricePerMInputMicros: route.ai.pricePerMInputMicros,
      pricePerMOutputMicros: route.ai.pricePerMOutputMicros,
      freeCallsPerMonth: 0,
    },
    callsUsedThisMonth: 0,
    inputTokens,
    outputTokens,
  }).chargeMicros
}

/**
 * What the AI gateway adds to a call's record (AiUsageRollup and AiLatencyRollup read it): the
 * exposed model, the provider model that served (the next target after a failed first attempt,
 * 3% of calls; none when the provider failed), estimated usage (5%) and, on streamed calls (half),
 * the time to the first token.
 */
function aiFields(
  random: Random,
  route: CallRoute,
  status: number,
  latencyMs: number,
  inputTokens: number,
  outputTokens: number,
): Partial<InvocationRecord> {
  if (!route.ai || route.ai.models.length === 0) return {}
  const model = route.ai.models[Math.floor(random() * route.ai.models.length)]
  const fallback = model.targets.length > 1 && random() < 0.03
  const failed = status >= 500
  const served = status < 400
  return {
    model: model.name,
    provider: served ? model.targets[fallback ? 1 : 0] : null,
    usageEstimated: served && inputTokens + outputTokens > 0 && random() < 0.05,
    attempts: failed ? model.targets.length : fallback ? 2 : 1,
    ttftMs: served && random() < 0.5 ? Math.round(latencyMs * (0.1 + 0.3 * random()) * 100) / 100 : null,
  }
}

/**
 * The free quota per subscription and UTC month: the first `freeCallsPerMonth` billable calls of a
 * month cost nothing, and every billable call counts (SubscriptionUsage), as in the gateway.
 * Feed calls in time order.
 */
export class FreeCallCounter {
  readonly used = new Map<string, number>()

  apply(call: InvocationRecord, freeCallsPerMonth: number): void {
    if (!call.billable || call.subscriptionId === null) return
    const key = `${call.subscriptionId}|${utcMonth(call.createdAt)}`
    const used = this.used.get(key) ?? 0
    if (used < freeCallsPerMonth) call.costMicros = 0n
    this.used.set(key, used + 1)
  }
}
