import type { ZodError } from 'zod'

/** A ZodError's issues by field path ("limits.rate", or "_" for the whole input): what forms and problem+json `errors` show. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return fieldErrors
}
