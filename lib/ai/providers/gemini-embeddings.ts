import { z } from 'zod'
import type { EmbeddingsRequest, EmbeddingsResult, ProviderHttpRequest, ProviderTarget } from '../provider-adapter'
import { checkedVectors, textInputs } from './embedding-vectors'
import { GEMINI } from './gemini-request'
import { errorMessageOf, providerError } from './provider-errors'

// Gemini's batch embeddings (https://ai.google.dev/api/embeddings#method:-models.batchembedcontents):
// POST {base}/models/{model}:batchEmbedContents with one EmbedContentRequest per input (each naming
// the same model as "models/{model}"), `dimensions` as outputDimensionality, answered with
// `embeddings: [{values}]` in request order. Gemini reports no token usage for embeddings, so the
// gateway bills the tokenizer's count, marked estimated.

export function geminiEmbeddingsRequest(request: EmbeddingsRequest, target: ProviderTarget): ProviderHttpRequest {
  const name = target.providerModel.replace(/^models\//, '')
  const headers: Record<string, string> = { 'content-type': 'application/json', ...target.headers }
  if (target.apiKey) headers['x-goog-api-key'] = target.apiKey
  const requests = textInputs(GEMINI, request).map((text) => ({
    model: `models/${name}`,
    content: { parts: [{ text }] },
    ...(request.dimensions !== undefined ? { outputDimensionality: request.dimensions } : {}),
  }))
  return {
    method: 'POST',
    path: `/models/${encodeURIComponent(name)}:batchEmbedContents`,
    headers,
    body: JSON.stringify({ requests }),
  }
}

const batchSchema = z.object({ embeddings: z.array(z.object({ values: z.array(z.number()) })) })

export function geminiEmbeddings(body: unknown, inputs: number): EmbeddingsResult {
  const parsed = batchSchema.safeParse(body)
  if (!parsed.success) {
    if (body && typeof body === 'object' && 'error' in body) throw providerError(errorMessageOf(200, body))
    throw providerError('Gemini answered with a body that is not a BatchEmbedContentsResponse.')
  }
  const vectors = parsed.data.embeddings.map((embedding) => embedding.values)
  return { vectors: checkedVectors(GEMINI, vectors, inputs), inputTokens: null }
}
