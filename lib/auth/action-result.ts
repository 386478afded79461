// What every server action returns; forms render `fieldErrors` next to their fields.
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }

export type ActionState<T = undefined> = ActionResult<T> | null
