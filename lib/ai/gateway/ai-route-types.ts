import type { Pool } from 'undici'
import type { AiModelKind, AiRouteStrategy } from '@/generated/sqlite/enums'
import type { ProviderTarget } from '../provider-adapter'

// The AI half of a gateway route (snapshot-types.ts RouteEntry.ai), built by load-ai-routes.ts from
// the version's exposed models and their route targets. Immutable, like the rest of a snapshot.

/** Micro-units per 1M tokens, in the currency of the plans that sell the model. */
export type ModelPrices = {
  readonly inputMicrosPerM: bigint
  readonly outputMicrosPerM: bigint
  /** Null: cached input is billed as ordinary input. */
  readonly cachedInputMicrosPerM: bigint | null
}

/** One provider model a route may send a call to. */
export type AiTarget = {
  /** The AiRouteTarget row, the key of its cooldown. */
  readonly id: string
  /** The team model's name ("demo-gpt-eu"), for X-Tollgate-Model and the call log. */
  readonly modelName: string
  /** The provider's name as the team configured it, for X-Tollgate-Provider and the call log. */
  readonly providerName: string
  readonly provider: ProviderTarget
  /** The base URL's origin and path (no trailing slash): the adapter's path is joined to it byte for byte. */
  readonly origin: string
  readonly basePath: string
  readonly pool: Pool
  readonly prices: ModelPrices
  readonly contextWindow: number
  readonly maxOutputTokens: number
  readonly weight: number
}

/** A model the version exposes to consumers under `name`. */
export type ExposedModel = {
  readonly name: string
  /** CHAT models answer /chat/completions and /messages; EMBEDDING models answer /embeddings. */
  readonly kind: AiModelKind
  readonly strategy: AiRouteStrategy
  /** In route order (position); never empty. */
  readonly targets: readonly AiTarget[]
}

export type AiRoute = {
  readonly models: ReadonlyMap<string, ExposedModel>
  /** The exposed model a request without `model` would get; listed first by GET /models. */
  readonly defaultModel: string | null
  /** Unix seconds: the version's publication, for GET /models' `created`. */
  readonly created: number
  /** The owner team's slug, for GET /models' `owned_by`. */
  readonly ownedBy: string
}
