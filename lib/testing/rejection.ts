import type { AppError } from '@/lib/errors/app-error'

/** Runs `fn` expecting an AppError and returns it, so each test asserts status, code and message. */
export async function rejection(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected the call to be refused')
}
