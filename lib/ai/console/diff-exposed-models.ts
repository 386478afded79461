import type { OpenApiChange } from '@/lib/openapi/diff-openapi'

const MODEL_ENUM = '#/components/schemas/ChatCompletionRequest/properties/model/enum'

/**
 * The model-level changes between two AI_CHAT versions: a model no longer exposed breaks every
 * client that sends it (the contract diff compares shapes, not enum values, so this adds them).
 */
export function diffExposedModels(before: string[], after: string[]): OpenApiChange[] {
  const kept = new Set(after)
  return before
    .filter((name) => !kept.has(name))
    .map((name) => ({
      kind: 'request-field-type-changed' as const,
      breaking: true,
      path: 'POST /chat/completions',
      location: MODEL_ENUM,
      message: `The model ${name} is no longer exposed`,
    }))
}
