import type { ChatRequest } from '../chat-types'
import { openAiWireAdapter } from './openai-wire'

// OpenAI itself: POST {base}/chat/completions with a Bearer key. OpenAI deprecated `max_tokens`
// in favour of `max_completion_tokens`, which its reasoning models require, so the limit goes out
// under the new name. Extra headers (OpenAI-Organization, OpenAI-Project) go as configured.

export const openAiAdapter = openAiWireAdapter({
  kind: 'OPENAI',
  label: 'OpenAI',
  shapeBody(request: ChatRequest) {
    const { max_tokens, max_completion_tokens, ...rest } = request
    const limit = max_completion_tokens ?? max_tokens
    return { ...rest, ...(limit !== undefined ? { max_completion_tokens: limit } : {}) }
  },
  sendsBearer: () => true,
})
