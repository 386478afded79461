type MaybeFailure = { ok: true } | { ok: false; fieldErrors?: Record<string, string[]> } | null | undefined

/** The messages for one field from an action's result, for <Field errors={...}>. */
export function fieldErrors(state: MaybeFailure, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined
}
