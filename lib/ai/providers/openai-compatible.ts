import type { ChatRequest } from '../chat-types'
import type { ProviderTarget } from '../provider-adapter'
import { openAiWireAdapter } from './openai-wire'

// Any server that speaks OpenAI's wire (vLLM, llama.cpp, LM Studio, Groq, Together, Mistral,
// OpenRouter, Azure OpenAI's v1 API, ...). They know the older `max_tokens` and the `system` role
// better than OpenAI's newer `max_completion_tokens` and `developer`, so those are sent the old way.
// Azure wants its key in an `api-key` header: configured as an extra header, it replaces Bearer.

export const openAiCompatibleAdapter = openAiWireAdapter({
  kind: 'OPENAI_COMPATIBLE',
  label: 'The OpenAI-compatible provider',
  shapeBody(request: ChatRequest) {
    const { max_tokens, max_completion_tokens, messages, ...rest } = request
    const limit = max_completion_tokens ?? max_tokens
    return {
      ...rest,
      messages: messages.map((message) => (message.role === 'developer' ? { ...message, role: 'system' } : message)),
      ...(limit !== undefined ? { max_tokens: limit } : {}),
    }
  },
  sendsBearer: (target: ProviderTarget) =>
    !Object.keys(target.headers).some((name) => ['api-key', 'authorization'].includes(name.toLowerCase())),
})
