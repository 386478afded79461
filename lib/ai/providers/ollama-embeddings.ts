import { z } from 'zod'
import type { EmbeddingsRequest, EmbeddingsResult, ProviderHttpRequest, ProviderTarget } from '../provider-adapter'
import { checkedVectors, textInputs } from './embedding-vectors'
import { errorMessageOf, providerError } from './provider-errors'

// Ollama's embed API (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings):
// POST {base}/api/embed with the texts as `input`, answered with `embeddings` (one vector per
// input) and the tokens it read as `prompt_eval_count`. Ollama cuts over-long input silently by
// default; `truncate: false` makes it an error instead, as OpenAI's API does, so nobody pays for
// a vector of half their text without knowing.

const OLLAMA = 'Ollama'

export function ollamaEmbeddingsRequest(request: EmbeddingsRequest, target: ProviderTarget): ProviderHttpRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...target.headers }
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`
  const body = {
    model: target.providerModel,
    input: textInputs(OLLAMA, request),
    truncate: false,
    ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
  }
  return { method: 'POST', path: '/api/embed', headers, body: JSON.stringify(body) }
}

const embedSchema = z.object({
  embeddings: z.array(z.array(z.number())),
  prompt_eval_count: z.number().int().nonnegative().nullish(),
  error: z.unknown().optional(),
})

export function ollamaEmbeddings(body: unknown, inputs: number): EmbeddingsResult {
  const parsed = embedSchema.safeParse(body)
  if (!parsed.success) {
    if (body && typeof body === 'object' && 'error' in body) throw providerError(errorMessageOf(200, body))
    throw providerError('Ollama answered with something that is not an embed response.')
  }
  return {
    vectors: checkedVectors(OLLAMA, parsed.data.embeddings, inputs),
    inputTokens: parsed.data.prompt_eval_count ?? null,
  }
}
