import type { AppError } from '../errors/app-error'
import type { GatewayCall } from './gateway-call'

// The seam for billing (step 6 of the pipeline). The billing issue plugs in a Charging that
// reserves funds before the call is forwarded and settles (or releases) after the response:
//   - beforeForward returns null to let the call through, or an AppError (402 with code
//     insufficient_balance, budget_exceeded, ...) that the gateway answers as problem+json.
//     It may return a Promise when a reservation needs I/O; a synchronous answer keeps the
//     hot path free of promise allocations.
//   - afterResponse runs once per forwarded call, whatever the outcome (upstream 5xx, timeout,
//     client gone), before the call is metered: it may set call.costMicros, call.incidentId and
//     token counts, which land in the Invocation row.

export type CallOutcome = {
  status: number
  /** True for 5xx, timeouts and unreachable upstreams: such calls are not charged. */
  upstreamFailed: boolean
}

export interface Charging {
  beforeForward(call: GatewayCall): AppError | null | Promise<AppError | null>
  afterResponse(call: GatewayCall, outcome: CallOutcome): void
}

export const noCharging: Charging = {
  beforeForward: () => null,
  afterResponse: () => {},
}
