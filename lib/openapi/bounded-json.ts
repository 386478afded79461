// JSON.stringify with a ceiling: an example in a contract may be huge, or (through YAML aliases)
// one object reached many ways, and must never turn into megabytes of page or props.

const MAX_NODES = 5_000

/** The value as JSON text, or null when it has more than `maxNodes` values or `maxChars` characters. */
export function boundedJson(
  value: unknown,
  { space, maxChars, maxNodes = MAX_NODES }: { space?: number; maxChars: number; maxNodes?: number },
): string | null {
  let nodes = 0
  let text: string | undefined
  try {
    text = JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (++nodes > maxNodes) throw new RangeError('too many values')
        return v
      },
      space,
    )
  } catch {
    return null
  }
  if (text === undefined) return ''
  return text.length > maxChars ? null : text
}
