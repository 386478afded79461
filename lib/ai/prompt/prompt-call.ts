import { AppError } from '@/lib/errors/app-error'
import type { RouteEntry } from '@/lib/gateway/snapshot-types'
import type { ChatRequest } from '../chat-types'
import type { ExposedModel } from '../gateway/ai-route-types'
import type { AnswerFormat } from '../gateway/answer-formats'
import type { AnswerCheck } from '../gateway/complete-checked'
import { promptAnswerCheck } from './prompt-answer'
import { promptFormat } from './prompt-format'
import { promptChatRequest, renderPrompt } from './prompt-request'

// A prompt API's request body ({"variables": {...}, "stream": false}) turned into the chat request
// its one route is sent, or the 400 that names each field, before any provider call or charge.

export type PreparedPrompt =
  | {
      ok: true
      model: ExposedModel
      request: ChatRequest
      format: AnswerFormat
      check?: { test: AnswerCheck<Record<string, unknown>>; maxAnswers: number }
    }
  | { ok: false; error: AppError }

const BODY_FIELDS = new Set(['variables', 'stream'])

export function preparePromptCall(route: RouteEntry, body: unknown): PreparedPrompt {
  const spec = route.prompt!
  const model = [...route.ai!.models.values()][0]
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: badRequest('Send a JSON object: {"variables": {...}}.', {}) }
  }
  const fields = body as Record<string, unknown>
  const errors: Record<string, string[]> = {}
  for (const name of Object.keys(fields))
    if (!BODY_FIELDS.has(name)) errors[name] = ['is not a field of this request; send `variables` and `stream`']
  if (fields.stream !== undefined && typeof fields.stream !== 'boolean') errors.stream = ['must be true or false']
  if (fields.variables === undefined && spec.design.variables.some((v) => v.required))
    errors.variables = ['is required']
  const rendered = renderPrompt(spec, fields.variables)
  if (!rendered.ok) Object.assign(errors, rendered.errors)
  if (!rendered.ok || Object.keys(errors).length > 0) {
    return { ok: false, error: badRequest('Check the variables: each problem is named in `errors`.', errors) }
  }
  if (model === undefined) {
    return {
      ok: false,
      error: new AppError({ code: 'provider_unavailable', status: 502, message: 'This prompt has no model to call.' }),
    }
  }
  const request = promptChatRequest(spec, rendered, { model: model.name, stream: fields.stream === true })
  return { ok: true, model, request, format: promptFormat(spec.design.outputSchema), check: promptAnswerCheck(spec) }
}

function badRequest(message: string, fieldErrors: Record<string, string[]>): AppError {
  return new AppError({ code: 'invalid_variables', status: 400, message, fieldErrors })
}
