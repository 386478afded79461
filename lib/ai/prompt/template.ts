// A prompt template is text with {{variable}} placeholders. It is parsed once into literal text and
// slots; rendering fills each slot with its value in a single pass, so a value is only ever data:
// braces, "{{other}}" or instructions inside a value are copied as they are, never read as
// placeholders, and nothing a value holds can move or remove the template's own text.

/** `{{ name }}`: a variable name between double braces, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

export type TemplateSegment = { readonly text: string } | { readonly variable: string }

export type ParsedTemplate = {
  readonly segments: readonly TemplateSegment[]
  /** Variable names in order of first use. */
  readonly placeholders: readonly string[]
  /** Placeholder bodies that are not variable names ("{{ 1x }}", "{{}}"). */
  readonly malformed: readonly string[]
}

export function parseTemplate(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = []
  const placeholders: string[] = []
  const malformed: string[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]
    if (!VARIABLE_NAME.test(name)) {
      malformed.push(match[0])
      continue
    }
    if (match.index > last) segments.push({ text: template.slice(last, match.index) })
    segments.push({ variable: name })
    if (!placeholders.includes(name)) placeholders.push(name)
    last = match.index + match[0].length
  }
  if (last < template.length) segments.push({ text: template.slice(last) })
  return { segments, placeholders, malformed }
}

/** Variable values as they are rendered: strings as given, numbers and booleans in JSON form. */
export type RenderValues = Readonly<Record<string, string | number | boolean>>

/** The template's text with every slot filled; a variable with no value renders as "". */
export function renderTemplate(parsed: ParsedTemplate, values: RenderValues): string {
  let out = ''
  for (const segment of parsed.segments) {
    if ('text' in segment) out += segment.text
    else {
      const value = Object.hasOwn(values, segment.variable) ? values[segment.variable] : undefined
      out += value === undefined ? '' : String(value)
    }
  }
  return out
}
