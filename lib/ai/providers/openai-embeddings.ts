import { z } from 'zod'
import type { EmbeddingsRequest, EmbeddingsResult, ProviderTarget } from '../provider-adapter'
import { checkedVectors, decodeFloat32Base64 } from './embedding-vectors'
import { providerError } from './provider-errors'

// OpenAI's embeddings wire (https://platform.openai.com/docs/api-reference/embeddings), shared by
// OpenAI and the OpenAI-compatible servers. Floats are asked for, since not every compatible server
// knows base64; an answer in base64 is read all the same.

export function openAiEmbeddingsBody(request: EmbeddingsRequest, target: ProviderTarget): Record<string, unknown> {
  return {
    model: target.providerModel,
    input: request.input,
    encoding_format: 'float',
    ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
    ...(request.user !== undefined ? { user: request.user } : {}),
  }
}

const embeddingsSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative().nullish(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative() }).nullish().catch(null),
})

export function openAiEmbeddings(label: string, body: unknown, inputs: number): EmbeddingsResult {
  const parsed = embeddingsSchema.safeParse(body)
  if (!parsed.success) throw providerError(`${label} answered with a body that is not an embeddings list.`)
  // `index` says which input each vector is for; servers that leave it out answer in input order.
  const items = parsed.data.data
    .map((item, position) => ({ index: item.index ?? position, embedding: item.embedding }))
    .sort((a, b) => a.index - b.index)
  if (items.some((item, position) => item.index !== position)) {
    throw providerError(`${label} answered embeddings whose indexes do not match the inputs.`)
  }
  const vectors = items.map((item) =>
    typeof item.embedding === 'string' ? decodeFloat32Base64(item.embedding) : item.embedding,
  )
  return { vectors: checkedVectors(label, vectors, inputs), inputTokens: parsed.data.usage?.prompt_tokens ?? null }
}
