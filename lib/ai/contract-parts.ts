// Pieces shared by the generated contracts of AI versions (AI_CHAT: console/build-ai-chat-contract.ts,
// AI_PROMPT: prompt/build-prompt-contract.ts): the problem+json body every gateway error carries.

export const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    error: {
      type: 'object',
      description: 'The same error in OpenAI’s shape (Anthropic’s on /messages), for the SDKs',
      properties: { message: { type: 'string' }, type: { type: 'string' }, code: { type: ['string', 'null'] } },
    },
  },
}

/** A response that is a problem+json body, referring to `#/components/schemas/Problem`. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})
