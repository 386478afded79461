import type { EmbeddingsRequest } from '../provider-adapter'
import { providerError, unsupportedFeature } from './provider-errors'

// What the embeddings adapters share: checking that a provider sent one finite vector per input,
// all of one length, and refusing token-id input to the APIs that only take text.

/** The vectors, or a 502 when the provider's answer does not hold one finite vector per input. */
export function checkedVectors(label: string, vectors: readonly (readonly number[])[], inputs: number): number[][] {
  if (vectors.length !== inputs) {
    throw providerError(`${label} answered ${vectors.length} embeddings for ${inputs} inputs.`)
  }
  const length = vectors[0]?.length ?? 0
  for (const vector of vectors) {
    if (vector.length === 0 || vector.length !== length || !vector.every(Number.isFinite)) {
      throw providerError(`${label} answered with embeddings that are empty, uneven or not numbers.`)
    }
  }
  return vectors as number[][]
}

/** A base64 string of little-endian float32 values (OpenAI's `encoding_format: "base64"`) as numbers. */
export function decodeFloat32Base64(text: string): number[] {
  const bytes = Buffer.from(text, 'base64')
  const values: number[] = []
  for (let at = 0; at + 4 <= bytes.length; at += 4) values.push(bytes.readFloatLE(at))
  return values
}

/** Numbers as little-endian float32 in base64, byte for byte what the openai SDK decodes. */
export function encodeFloat32Base64(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4)
  values.forEach((value, index) => bytes.writeFloatLE(value, index * 4))
  return bytes.toString('base64')
}

/** The input as texts; token ids are the tokenizer of OpenAI's models and mean nothing to other APIs. */
export function textInputs(label: string, request: EmbeddingsRequest): string[] {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw unsupportedFeature(label, 'token-id input (send the text instead)')
  }
  return request.input as string[]
}
