import type { ChatRequest } from '../chat-types'
import type { AiTarget } from '../gateway/ai-route-types'
import type { PromptDesign } from './prompt-schemas'
import { parseTemplate, renderTemplate, type ParsedTemplate } from './template'
import { checkVariableValues } from './variable-values'

// From a prompt version's design and a caller's variables to the ChatRequest its route is sent:
// the gateway and the playground (run-prompt-draft.ts) both go through here, so what the owner
// tries is what a consumer gets. The values are checked first (every problem named), then
// rendered into their slots as data; the template's text, and the JSON instruction after it,
// stay where the owner put them.

/** A version's design with its two templates parsed once (the snapshot keeps it). */
export type PromptSpec = {
  readonly design: PromptDesign
  readonly system: ParsedTemplate
  readonly user: ParsedTemplate
}

export function promptSpecOf(design: PromptDesign): PromptSpec {
  return { design, system: parseTemplate(design.systemTemplate), user: parseTemplate(design.userTemplate) }
}

export type RenderedPrompt =
  { ok: true; system: string; user: string } | { ok: false; errors: Record<string, string[]> }

export function renderPrompt(spec: PromptSpec, variables: unknown): RenderedPrompt {
  const checked = checkVariableValues(spec.design.variables, variables)
  if (!checked.ok) return checked
  const system = renderTemplate(spec.system, checked.values)
  const instruction = spec.design.outputSchema ? jsonInstruction(spec.design.outputSchema) : ''
  return {
    ok: true,
    system: system && instruction ? `${system}\n\n${instruction}` : system || instruction,
    user: renderTemplate(spec.user, checked.values),
  }
}

/**
 * The instruction every structured prompt carries, on every provider: providers without a JSON
 * mode (Anthropic) get JSON from it alone, the others also get `response_format` (promptRequestFor).
 */
export function jsonInstruction(schema: Record<string, unknown>): string {
  return (
    'Answer with a single JSON object and nothing else (no prose, no code fence). ' +
    `It must validate against this JSON Schema: ${JSON.stringify(schema)}`
  )
}

export function promptChatRequest(
  spec: PromptSpec,
  rendered: { system: string; user: string },
  options: { model: string; stream: boolean },
): ChatRequest {
  const { design } = spec
  const request: ChatRequest = {
    model: options.model,
    messages: [
      ...(rendered.system ? [{ role: 'system' as const, content: rendered.system }] : []),
      { role: 'user', content: rendered.user },
    ],
    ...(design.temperature !== null ? { temperature: design.temperature } : {}),
    ...(design.maxOutputTokens !== null ? { max_tokens: design.maxOutputTokens } : {}),
    ...(design.outputSchema ? { response_format: { type: 'json_object' as const } } : {}),
  }
  if (options.stream) {
    request.stream = true
    request.stream_options = { include_usage: true }
  }
  return request
}

/** Anthropic's API has no JSON mode: its targets get the instruction only (sendToProvider's `forTarget`). */
export function promptRequestFor(request: ChatRequest, target: AiTarget): ChatRequest {
  if (request.response_format === undefined || target.provider.kind !== 'ANTHROPIC') return request
  const { response_format: _dropped, ...rest } = request
  return rest
}
