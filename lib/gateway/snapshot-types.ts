import type { Pool } from 'undici'
import type { AiRoute } from '../ai/gateway/ai-route-types'
import type { PromptSpec } from '../ai/prompt/prompt-request'

// The in-memory view of everything the hot path needs. A snapshot is immutable once built: a
// reload builds a new one and swaps the reference, so a request never sees half of a change.

export type RouteState = 'PUBLISHED' | 'DEPRECATED' | 'RETIRED'

export type RouteEntry = {
  /** "team/api/version", the lookup key taken straight from the request path. */
  readonly key: string
  readonly ownerTeamId: string
  readonly apiId: string
  readonly versionId: string
  readonly state: RouteState
  /**
   * REST routes proxy to `pool`; AI_CHAT routes answer from `ai` (lib/ai/gateway); AI_PROMPT routes
   * render `prompt` and send it down `ai`'s one model.
   */
  readonly kind: 'REST' | 'AI_CHAT' | 'AI_PROMPT'
  /** "" on AI routes: they have no REST upstream, their providers are in `ai`. */
  readonly upstreamOrigin: string
  /** The upstream URL's path without a trailing slash ("" for the root). */
  readonly upstreamBasePath: string
  /** Per call on REST routes; per provider attempt (headers, and each gap in a stream) on AI routes. */
  readonly timeoutMs: number
  /** Null on AI routes. */
  readonly pool: Pool | null
  /** An AI version's models and provider routes (one model on a prompt); null for a REST API. */
  readonly ai: AiRoute | null
  /** An AI_PROMPT version's parsed template, variables, output schema and settings. */
  readonly prompt: PromptSpec | null
  /** Headers added to every proxied response, e.g. Deprecation/Sunset/Link when DEPRECATED. */
  readonly lifecycleHeaders: ReadonlyArray<readonly [string, string]>
  readonly successor: { readonly version: string; readonly url: string } | null
  /** "acme/weather v2", for ledger descriptions. */
  readonly label: string
  /** "acme/weather", for incident notifications. */
  readonly apiLabel: string
  /** Null (capture off, the default) or what the version's owner asked the gateway to keep. */
  readonly capture: RouteCapture | null
}

/** ApiVersion.captureMode other than OFF, on REST and AI routes; retention from captureRetentionDays. */
export type RouteCapture = { readonly mode: 'HEADERS' | 'HEADERS_AND_BODIES'; readonly retentionMs: number }

export type KeyEntry = {
  readonly id: string
  readonly teamId: string
  /** The consumer team's slug, for the top-up link in a 402. */
  readonly teamSlug: string
  /** Epoch ms; Infinity when not set. */
  readonly expiresAt: number
  readonly revokedAt: number
  /** A rotated key keeps working until this moment (epoch ms; Infinity when not rotated). */
  readonly graceEndsAt: number
  /** Subscription ids this key may use; null means every subscription of its team. */
  readonly allowedSubscriptions: ReadonlySet<string> | null
}

export type SubscriptionEntry = {
  readonly id: string
  readonly planId: string
  readonly consumerTeamId: string
  /** Calls per window; 0 means unlimited. */
  readonly rateLimit: number
  readonly windowMs: number
  /** Precomputed `RateLimit-Policy` value (draft-ietf-httpapi-ratelimit-headers), e.g. "100;w=60". */
  readonly ratePolicy: string
  readonly rateLimitText: string
  readonly plan: PlanPricing
}

/** What the charging step needs to price a call on a subscription's plan. */
export type PlanPricing = {
  readonly id: string
  readonly name: string
  readonly paid: boolean
  readonly currency: string
  readonly pricePerCallMicros: bigint
  readonly pricePerMInputMicros: bigint
  readonly pricePerMOutputMicros: bigint
  readonly freeCallsPerMonth: number
  /** AI APIs: input + output tokens per minute per subscription; 0 means unlimited. */
  readonly tokensPerMinute: number
}

export type Snapshot = {
  readonly version: number
  /** When the load began (epoch ms): every row committed before this moment is reflected. */
  readonly loadedAt: number
  readonly routes: ReadonlyMap<string, RouteEntry>
  readonly keysByHash: ReadonlyMap<string, KeyEntry>
  /** The same entries by key id, for calls the console's try-it makes on a user's behalf. */
  readonly keysById: ReadonlyMap<string, KeyEntry>
  /** ACTIVE subscriptions by `${consumerTeamId}|${apiId}`; a team may hold several plans. */
  readonly subscriptions: ReadonlyMap<string, readonly SubscriptionEntry[]>
  /** OPEN payment incidents by incidentKey(consumer, api, cause), so a 402 names its episode. */
  readonly openIncidents: ReadonlyMap<string, string>
}

export function incidentKey(consumerTeamId: string, apiId: string, cause: string): string {
  return consumerTeamId + '|' + apiId + '|' + cause
}

export function subscriptionKey(consumerTeamId: string, apiId: string): string {
  return consumerTeamId + '|' + apiId
}

export const EMPTY_SNAPSHOT: Snapshot = {
  version: -1,
  loadedAt: 0,
  routes: new Map(),
  keysByHash: new Map(),
  keysById: new Map(),
  subscriptions: new Map(),
  openIncidents: new Map(),
}
