import type { z } from 'zod'
import { toAppError } from '@/lib/errors/to-problem'

export type Submitted<T> = { ok: true; data: T } | { ok: false; status: number; fieldErrors: Record<string, string[]> }

/**
 * What a form post goes through in a server action (teamAction, createTeamAction): the domain's
 * schema, then the lib function that saves, with every failure turned into the field errors the
 * form shows. The session check is the only part left out.
 */
export async function submitForm<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  save: (input: z.infer<S>) => Promise<T>,
): Promise<Submitted<T>> {
  try {
    const parsed = schema.safeParse(raw)
    if (!parsed.success) throw parsed.error
    return { ok: true, data: await save(parsed.data) }
  } catch (error) {
    const appError = toAppError(error)
    return { ok: false, status: appError.status, fieldErrors: appError.fieldErrors ?? {} }
  }
}

/** The field errors of a refused submission (an empty object when it was saved). */
export function fieldErrorsOf(result: Submitted<unknown>): Record<string, string[]> {
  return result.ok ? {} : result.fieldErrors
}
