import type { Problem } from '@/lib/errors/to-problem'

// DESIGN "AI gateway wire rules": an error on an AI route stays problem+json and also carries the
// member the official SDKs read, so `openai` shows `status`, `message` and `code` (a 402's cause
// included) and `@anthropic-ai/sdk` its `error.type` and message.

export type AiErrorStyle = 'openai' | 'anthropic'

function openAiType(status: number): string {
  if (status === 401) return 'authentication_error'
  if (status === 402) return 'insufficient_quota'
  if (status === 403) return 'permission_error'
  if (status === 404) return 'not_found_error'
  if (status === 429) return 'rate_limit_error'
  if (status >= 500) return 'api_error'
  return 'invalid_request_error'
}

// https://docs.anthropic.com/en/api/errors
function anthropicType(status: number): string {
  if (status === 401) return 'authentication_error'
  if (status === 402) return 'billing_error'
  if (status === 403) return 'permission_error'
  if (status === 404) return 'not_found_error'
  if (status === 413) return 'request_too_large'
  if (status === 429) return 'rate_limit_error'
  if (status === 503 || status === 529) return 'overloaded_error'
  if (status >= 500) return 'api_error'
  return 'invalid_request_error'
}

/** The problem with the SDK-shaped member added beside its own fields. */
export function withAiErrorMember(problem: Problem, style: AiErrorStyle): Problem {
  const message = problem.errors
    ? `${problem.detail}: ${Object.entries(problem.errors)
        .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
        .join('; ')}`
    : problem.detail
  if (style === 'anthropic') {
    // Anthropic's error body is {type: "error", error: {type, message}}; problem+json's `type` is
    // a URI and keeps its place, the SDK reads `error`.
    return { ...problem, error: { type: anthropicType(problem.status), message } }
  }
  return {
    ...problem,
    error: { message, type: openAiType(problem.status), code: problem.code, param: null },
  }
}
