import { z } from 'zod'

// Ids come back from hidden form fields and dialogs as opaque strings (createId: "key_0a9z...").
// Holding them to that alphabet means a forged id is "not found", never a database error: a NUL
// in a query parameter alone makes PostgreSQL fail the query (a 500).

const ID = /^[A-Za-z0-9_-]{1,100}$/

export function isId(value: string): boolean {
  return ID.test(value)
}

/** An id field; `missing` is the message for an empty one ("Choose a plan"). */
export function idInput(missing = 'Missing id') {
  return z.string({ error: missing }).trim().min(1, { error: missing, abort: true }).regex(ID, 'Not a valid id')
}
