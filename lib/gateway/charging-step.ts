import type { AppError } from '../errors/app-error'
import type { InvocationRecord } from './invocation-record'
import type { KeyEntry, RouteEntry, SubscriptionEntry } from './snapshot-types'

// The seam for billing (step 6 of the pipeline). lib/charging plugs in a ChargingStep that
// reserves funds before the call is forwarded and settles (or releases) after the response:
//   - beforeForward returns null to let the call through, or an AppError (402 with code
//     insufficient_balance, budget_exceeded, ...) that the gateway answers as problem+json.
//     It may return a Promise when a reservation needs I/O; a synchronous answer keeps the
//     hot path free of promise allocations.
//   - afterResponse runs once per forwarded call (and once for any call holding a reservation),
//     whatever the outcome (upstream 5xx, timeout, client gone), before the call is metered: it may
//     set call.costMicros, call.incidentId and token counts, which land in the Invocation row.
//   - Calls priced by tokens (AI routes) set call.tokenCharge before beforeForward: the worst case
//     to reserve instead of the plan's per-call price, and, once the provider reported usage, what
//     that usage costs. quote() says what such a call is charged (clamped to the reservation, 0 when
//     free), before the answer goes out, so the client can be told; afterResponse charges the same.

export type CallOutcome = {
  status: number
  /** True for 5xx, timeouts and unreachable upstreams: such calls are not charged. */
  upstreamFailed: boolean
  /**
   * The provider answered and its tokens were used, but the gateway refused the answer (a prompt's
   * output that failed its schema twice, 502 invalid_model_output): charged once, for those tokens.
   */
  consumed?: boolean
}

/** What the charging step set aside for a call before it was forwarded. */
export type ChargeHold = {
  /** The UTC month ("2026-11") whose free quota and budget the call counts against. */
  month: string
  /** The plan's free quota covers this call. */
  free: boolean
  reservedMicros: bigint
}

/** A call priced by its tokens: what to set aside before forwarding, and what its usage came to. */
export type TokenCharge = {
  /** The worst case: per-call price + counted input + the output limit, at the prices that may apply. */
  reserveMicros: bigint
  /** The reported (or estimated) usage at the serving model's prices; null until it is known. */
  usageMicros: bigint | null
}

/** What the charging step sees of a call (a GatewayCall): it reads the first block and sets the rest. */
export interface ChargeableCall {
  readonly createdAt: number
  readonly route: RouteEntry | null
  readonly key: KeyEntry | null
  readonly subscription: SubscriptionEntry | null
  readonly forwarded: boolean
  charge: ChargeHold | null
  tokenCharge: TokenCharge | null
  errorCode: string | null
  incidentId: string | null
  costMicros: bigint
  inputTokens: number
  outputTokens: number
  billable: boolean
  blockedMicros: bigint
}

export interface ChargingStep {
  beforeForward(call: ChargeableCall): AppError | null | Promise<AppError | null>
  afterResponse(call: ChargeableCall, outcome: CallOutcome): void
  /** What a successful call is charged now (a token-priced call's usage, clamped to what it reserved). */
  quote(call: ChargeableCall): bigint
  /** Whose credit leases the metering writer shrinks as it writes this instance's charges. */
  readonly instanceId?: string
  /** The metering writer committed these calls. */
  written?(records: readonly InvocationRecord[]): void
  /** GET /gw/_me/usage: the key's team's balance, spend and free quota left. */
  usage?(key: KeyEntry): Promise<unknown>
  start?(): void
  /** Runs after the writer's final flush. */
  stop?(): Promise<void>
}

/** No billing at all: every call goes through and none is charged (the benchmark's baseline). */
export const noCharging: ChargingStep = {
  beforeForward: () => null,
  afterResponse: () => {},
  quote: () => 0n,
}
