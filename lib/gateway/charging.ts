import type { AppError } from '../errors/app-error'
import type { InvocationRecord } from '../metering/invocation-record'
import type { GatewayCall } from './gateway-call'
import type { KeyEntry } from './snapshot-types'

// The seam for billing (step 6 of the pipeline). The billing issue plugs in a Charging that
// reserves funds before the call is forwarded and settles (or releases) after the response:
//   - beforeForward returns null to let the call through, or an AppError (402 with code
//     insufficient_balance, budget_exceeded, ...) that the gateway answers as problem+json.
//     It may return a Promise when a reservation needs I/O; a synchronous answer keeps the
//     hot path free of promise allocations.
//   - afterResponse runs once per forwarded call (and once for any call holding a reservation),
//     whatever the outcome (upstream 5xx, timeout, client gone), before the call is metered: it may set call.costMicros, call.incidentId and
//     token counts, which land in the Invocation row.

export type CallOutcome = {
  status: number
  /** True for 5xx, timeouts and unreachable upstreams: such calls are not charged. */
  upstreamFailed: boolean
}

/** What the charging step set aside for a call before it was forwarded. */
export type ChargeHold = {
  /** The UTC month ("2026-11") whose free quota and budget the call counts against. */
  month: string
  /** The plan's free quota covers this call. */
  free: boolean
  reservedMicros: bigint
}

export interface Charging {
  beforeForward(call: GatewayCall): AppError | null | Promise<AppError | null>
  afterResponse(call: GatewayCall, outcome: CallOutcome): void
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

export const noCharging: Charging = {
  beforeForward: () => null,
  afterResponse: () => {},
}
