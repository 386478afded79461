import { AppError } from '@/lib/errors/app-error'
import type { GuardFailure } from './state-machine'

/**
 * Turns failed guards into one AppError: 409 when the transition itself is not allowed from the
 * current state, 422 otherwise, with each failure shown next to its form field when it has one.
 */
export function guardError(failures: GuardFailure[]): AppError {
  const fieldErrors: Record<string, string[]> = {}
  for (const failure of failures) if (failure.field) (fieldErrors[failure.field] ??= []).push(failure.message)
  const invalidTransition = failures.some((f) => f.code === 'invalid_transition')
  return new AppError({
    code: failures[0]?.code ?? 'invalid_request',
    status: invalidTransition ? 409 : 422,
    message: failures.map((f) => f.message).join('. '),
    fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined,
    extra: { failures },
  })
}
