import type { AppError } from '../errors/app-error'
import type { ChargingStep } from './charging-step'
import type { GatewayCall } from './gateway-call'

// Step 6 of the pipeline, shared by REST and AI routes: ask the charging step, then forward the
// call, or answer its refusal (a 402, or a 503 when billing cannot be reached).

/** `refused` runs when the call is answered without being forwarded (a refusal, or a client gone meanwhile). */
export function chargeThenForward(
  charging: ChargingStep,
  call: GatewayCall,
  forward: () => void,
  refused?: () => void,
): void {
  const denial = charging.beforeForward(call)
  if (denial === null) return forward()
  if (denial instanceof Promise) {
    denial.then(
      (answer) => {
        if (answer === null && !call.done) return forward()
        if (answer !== null) refuse(call, answer)
        refused?.()
      },
      (error: unknown) => {
        refuse(call, error)
        refused?.()
      },
    )
    return
  }
  refuse(call, denial)
  refused?.()
}

export function refuse(call: GatewayCall, error: unknown): void {
  if ((error as AppError).status === undefined) {
    console.error(`[gateway ${call.requestId}] charging failed`, error)
    return call.fail('internal_error')
  }
  const problem = error as AppError
  // RFC 9110 §10.2.3: a 503 says when to come back.
  call.respondProblem(problem, problem.status === 503 ? { 'retry-after': 1 } : undefined)
}
