// What every server action returns; forms render `fieldErrors` next to their fields.
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }

export type ActionState<T = undefined> = ActionResult<T> | null

/** A server action shaped for useActionState. Pages pass these to components as props (CONTRIBUTING.md). */
export type FormAction<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>

/** The messages for one field of an action's result, for <Field errors={...}>. */
export function fieldErrorsFor(state: ActionState<unknown> | undefined, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined
}
