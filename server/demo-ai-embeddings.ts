import { createHash } from 'node:crypto'
import { ZodError } from 'zod'
import { countTextTokens } from '../lib/ai/count-tokens'
import { parseEmbeddingsRequest } from '../lib/ai/ingress/embeddings-request-schema'
import { encodeFloat32Base64 } from '../lib/ai/providers/embedding-vectors'
import { parseJson } from './demo-ai-http'

// The demo provider's POST /embeddings in OpenAI's format: the same input always gives the same
// unit vector (SHA-256 of the text in counter mode, so a shorter `dimensions` is a prefix of the
// longer vector, renormalised, the way Matryoshka-trained models behave), and `usage` counts the
// input's real tokens. Floats or base64, as asked.

export const DEMO_EMBEDDING_DIMENSIONS = 256

export type DemoEmbeddingsAnswer = { ok: true; value: unknown } | { ok: false; message: string; param: string | null }

/** The unit vector of `seed` in `dimensions` dimensions. */
export function demoVector(seed: string, dimensions = DEMO_EMBEDDING_DIMENSIONS): number[] {
  const raw: number[] = []
  for (let block = 0; raw.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:`).update(seed).digest()
    for (let at = 0; at < digest.length && raw.length < dimensions; at += 4) {
      raw.push(digest.readUInt32LE(at) / 2 ** 31 - 1)
    }
  }
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0)) || 1
  // Rounded to float32, what the base64 encoding carries, so both encodings give the same numbers.
  return raw.map((value) => Math.fround(value / norm))
}

export function demoEmbeddings(body: string): DemoEmbeddingsAnswer {
  let parsed: ReturnType<typeof parseEmbeddingsRequest>
  try {
    parsed = parseEmbeddingsRequest(parseJson(body))
  } catch (error) {
    const issue = error instanceof ZodError ? error.issues[0] : undefined
    const param = issue?.path.join('.') || null
    return { ok: false, message: issue ? `${param ?? 'body'}: ${issue.message}` : 'Send a JSON body', param }
  }
  const { request, encoding } = parsed
  let tokens = 0
  const data = request.input.map((item, index) => {
    const seed = typeof item === 'string' ? item : `tokens:${item.join(',')}`
    tokens += typeof item === 'string' ? countTextTokens(item) : item.length
    const vector = demoVector(seed, request.dimensions)
    return { object: 'embedding', index, embedding: encoding === 'base64' ? encodeFloat32Base64(vector) : vector }
  })
  return {
    ok: true,
    value: { object: 'list', data, model: request.model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
  }
}
