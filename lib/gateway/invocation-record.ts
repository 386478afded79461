// The metering seam: the record the gateway makes of every call (GatewayCall.finish), and the
// Meter it hands each one to (lib/metering's writer plugs in here). Times are epoch milliseconds
// so the hot path allocates no Date; the writer converts them once per batch.
export type InvocationRecord = {
  requestId: string
  createdAt: number
  ownerTeamId: string | null
  consumerTeamId: string | null
  apiId: string | null
  versionId: string | null
  keyId: string | null
  subscriptionId: string | null
  method: string
  path: string
  status: number
  errorCode: string | null
  latencyMs: number
  upstreamMs: number | null
  requestBytes: number
  responseBytes: number
  inputTokens: number
  outputTokens: number
  costMicros: bigint
  incidentId: string | null
  planId: string | null
  /** A successful call on a paid plan: counted in SubscriptionUsage (free or charged). */
  billable: boolean
  /** A 402's price: the revenue its owner did not get. */
  blockedMicros: bigint
  /** "acme/weather v2" for the ledger entry's description, when the call is billable. */
  chargeLabel: string | null
  // AI calls only; absent (or null) on REST calls, whose rows keep the columns' defaults.
  /** The exposed model asked for and the provider that served it. */
  model?: string | null
  provider?: string | null
  /** No usage came from the provider: the tokens are the tokenizer's count. */
  usageEstimated?: boolean
  /** Provider attempts, 1 + fallbacks. */
  attempts?: number
  /** Milliseconds to the first streamed token. */
  ttftMs?: number | null
  /** A version with capture on kept this call's exchange: its raw row is never sampled out. */
  captured?: boolean
}

/** Anything that accepts call records: the batched writer, or a test double. */
export type Meter = {
  record(record: InvocationRecord): void
  /** Writes what is queued; the usage report waits for it so the database holds every charge. */
  flush?(): Promise<void>
}
