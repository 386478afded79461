import type { AppError } from '../errors/app-error'
import type { ChargingStep } from './charging-step'
import type { GatewayCall } from './gateway-call'

// Step 6 of the pipeline, shared by REST and AI routes: ask the charging step, then forward the
// call, or answer its refusal (a 402, or a 503 when billing cannot be reached).

export function chargeThenForward(charging: ChargingStep, call: GatewayCall, forward: () => void): void {
  const denial = charging.beforeForward(call)
  if (denial === null) return forward()
  if (denial instanceof Promise) {
    denial.then(
      (answer) => (answer === null ? (call.done ? undefined : forward()) : refuse(call, answer)),
      (error: unknown) => refuse(call, error),
    )
    return
  }
  refuse(call, denial)
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
