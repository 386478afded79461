import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'

// A prompt version's optional output contract: a JSON Schema (draft 2020-12, OpenAPI 3.1's
// dialect) that the model's answer must satisfy. Compiled once per schema text and kept, because
// the gateway checks every structured answer against it.
//
// `pattern` and `patternProperties` are refused: their regular expressions would run on the
// model's output in the gateway process, and one catastrophic backtrack would stall every call.
// `$ref` is refused too: the schema is embedded in the version's OpenAPI document, where a
// "#/$defs/…" pointer would resolve against the wrong root. `format` is not asserted.

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true, logger: false })
const MAX_CACHED = 500
const compiled = new Map<string, ValidateFunction>()
const REFUSED_KEYWORDS = new Set(['pattern', 'patternProperties', '$ref', '$dynamicRef'])

export type CompiledOutputSchema = { validate: ValidateFunction | null; problem: string | null }

export function compileOutputSchema(schema: unknown): CompiledOutputSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return { validate: null, problem: 'The output schema must be a JSON object' }
  if ((schema as { type?: unknown }).type !== 'object')
    return { validate: null, problem: 'The output schema must describe an object ("type": "object")' }
  const refused = findKeyword(schema, REFUSED_KEYWORDS)
  if (refused) return { validate: null, problem: `"${refused}" is not supported in output schemas` }
  const key = JSON.stringify(schema)
  const known = compiled.get(key)
  if (known) return { validate: known, problem: null }
  try {
    const validate = ajv.compile(schema)
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!)
    compiled.set(key, validate)
    return { validate, problem: null }
  } catch (error) {
    return { validate: null, problem: `The output schema is not a valid JSON Schema: ${(error as Error).message}` }
  }
}

export type OutputCheck = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string }

/** The model's answer text, parsed as JSON (a ```json fence around it is tolerated) and checked. */
export function checkModelOutput(schema: Record<string, unknown>, text: string): OutputCheck {
  const { validate, problem } = compileOutputSchema(schema)
  if (!validate) return { ok: false, reason: problem ?? 'The output schema does not compile' }
  let value: unknown
  try {
    value = JSON.parse(stripFence(text))
  } catch {
    return { ok: false, reason: 'The model did not answer with JSON' }
  }
  if (!validate(value)) return { ok: false, reason: describe(validate.errors ?? []) }
  return { ok: true, value: value as Record<string, unknown> }
}

function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text)
  return fenced ? fenced[1] : text
}

function describe(errors: ErrorObject[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
    .join('; ')
}

/** Keywords whose value maps names (of properties, definitions) to schemas: the names are not keywords. */
const NAME_MAPS = new Set(['properties', '$defs', 'definitions', 'dependentSchemas'])

function findKeyword(node: unknown, keywords: Set<string>): string | null {
  if (typeof node !== 'object' || node === null) return null
  if (Array.isArray(node)) {
    for (const item of node) {
      const nested = findKeyword(item, keywords)
      if (nested) return nested
    }
    return null
  }
  for (const [key, value] of Object.entries(node)) {
    if (keywords.has(key)) return key
    const children = NAME_MAPS.has(key) && typeof value === 'object' && value !== null ? Object.values(value) : [value]
    for (const child of children) {
      const nested = findKeyword(child, keywords)
      if (nested) return nested
    }
  }
  return null
}
