import type { AnswerCheck } from '../gateway/complete-checked'
import { checkModelOutput } from './output-schema'
import type { PromptSpec } from './prompt-request'

// How a prompt's answer is judged: with an output schema, the text must parse as JSON and
// validate, and an invalid answer is asked for once more (so at most two answers per call, which
// is also what a structured call reserves for); without one, any text is the output.

export const PROMPT_MAX_ANSWERS = 2

export function promptAnswerCheck(
  spec: PromptSpec,
): { test: AnswerCheck<Record<string, unknown>>; maxAnswers: number } | undefined {
  const schema = spec.design.outputSchema
  if (!schema) return undefined
  return { test: (text) => checkModelOutput(schema, text), maxAnswers: PROMPT_MAX_ANSWERS }
}
