import { DEFAULT_VARIABLE_MAX_LENGTH, type PromptVariable } from './prompt-schemas'
import type { RenderValues } from './template'

// A caller's `variables` object checked against the version's declared variables: every problem is
// reported at once, keyed by the variable's name, so a 400 (or the try-it form) names each field.
// Values are typed strictly (JSON's 3 is a number, "3" is not), as the generated contract says.

export type VariableValues = { ok: true; values: RenderValues } | { ok: false; errors: Record<string, string[]> }

export function checkVariableValues(declared: readonly PromptVariable[], input: unknown): VariableValues {
  // Null prototypes: a name like "__proto__" or "constructor" is a key here, never an inherited member.
  const errors: Record<string, string[]> = Object.create(null)
  const add = (name: string, message: string) => (errors[name] ??= []).push(message)
  if (input === undefined) input = {}
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: { variables: ['`variables` must be an object of name → value'] } }
  }
  const given = input as Record<string, unknown>
  const known = new Set(declared.map((v) => v.name))
  for (const name of Object.keys(given)) if (!known.has(name)) add(name, 'is not a variable of this prompt')

  const values: Record<string, string | number | boolean> = Object.create(null)
  for (const variable of declared) {
    const value = Object.hasOwn(given, variable.name) ? given[variable.name] : undefined
    if (value === undefined || value === null) {
      if (variable.required) add(variable.name, 'is required')
      else if (variable.default !== undefined) values[variable.name] = variable.default
      continue
    }
    const problem = typeProblem(variable, value)
    if (problem) add(variable.name, problem)
    else values[variable.name] = value as string | number | boolean
  }
  // Plain objects out (React and JSON take no null prototypes); fromEntries defines own keys, so
  // "__proto__" stays a key there too.
  return Object.keys(errors).length > 0
    ? { ok: false, errors: Object.fromEntries(Object.entries(errors)) }
    : { ok: true, values: Object.fromEntries(Object.entries(values)) }
}

function typeProblem(variable: PromptVariable, value: unknown): string | null {
  switch (variable.type) {
    case 'string': {
      if (typeof value !== 'string') return 'must be a string'
      const max = variable.maxLength ?? DEFAULT_VARIABLE_MAX_LENGTH
      return value.length > max ? `is longer than ${max} characters` : null
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number'
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false'
    case 'enum':
      return typeof value === 'string' && (variable.values ?? []).includes(value)
        ? null
        : `must be one of ${(variable.values ?? []).join(', ')}`
  }
}
