import type { AiProviderKind } from '@/generated/sqlite/enums'
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, TokenUsage } from './chat-types'

// What the AI gateway needs from each provider kind (lib/ai/providers/<kind>.ts). An adapter is
// pure translation: it builds the provider's native HTTP request from a canonical ChatRequest and
// turns the provider's answer, or its stream, back into OpenAI-format objects with the usage the
// provider reported. It never does I/O; the gateway sends the request through its guarded pools.

/** One provider model a route can send a call to, as the gateway's snapshot holds it. */
export type ProviderTarget = {
  kind: AiProviderKind
  /** The provider's base URL as configured, e.g. "https://api.openai.com/v1". */
  baseUrl: string
  /** Decrypted in the gateway process only; never logged, never returned. */
  apiKey: string | null
  /** Operator-configured extra headers (Azure's api-key, OpenRouter's HTTP-Referer, ...). */
  headers: Readonly<Record<string, string>>
  /** The provider's own name for the model. */
  providerModel: string
  /** The model's max output tokens: Anthropic requires max_tokens, and this is the default. */
  maxOutputTokens?: number
}

export type ProviderHttpRequest = {
  method: 'POST' | 'GET'
  /** Joined to the base URL's path by the gateway, byte for byte: "/chat/completions". */
  path: string
  headers: Record<string, string>
  body: string
}

/** Turns a provider's stream, fed as raw bytes in arrival order, into OpenAI chunks. */
export interface StreamTranslator {
  push(bytes: Uint8Array): ChatCompletionChunk[]
  /** The provider closed the stream; anything still buffered comes out here. */
  end(): ChatCompletionChunk[]
  /** The usage the provider reported so far (null until it reports any). */
  usage(): TokenUsage | null
}

export type TranslationContext = {
  /** The completion id Tollgate assigns ("chatcmpl-<request id>"), the same on every chunk. */
  id: string
  /** The model name the consumer sent, echoed back in `model`. */
  model: string
  /** Unix seconds. */
  created: number
}

/**
 * An embeddings request as every adapter receives it: OpenAI's, with `input` always a list (one
 * string or token-id array per vector asked for) and the encoding left to the gateway, which asks
 * providers for floats and encodes the answer the way the consumer wanted.
 */
export type EmbeddingsRequest = {
  model: string
  input: string[] | number[][]
  dimensions?: number
  user?: string
}

/** A provider's embeddings, one vector per input in input order, and the input tokens it reported. */
export type EmbeddingsResult = { vectors: number[][]; inputTokens: number | null }

export interface ProviderAdapter {
  readonly kind: AiProviderKind
  /**
   * The provider's request. Throws an AppError (400, code `unsupported_feature`) for a feature the
   * provider cannot carry (e.g. images to a text-only API), before anything is sent.
   */
  chatRequest(request: ChatRequest, target: ProviderTarget): ProviderHttpRequest
  /** A non-streamed 2xx answer's parsed JSON body. */
  chatResponse(body: unknown, context: TranslationContext): { completion: ChatCompletion; usage: TokenUsage | null }
  chatStream(context: TranslationContext): StreamTranslator
  /**
   * The provider's embeddings request. Throws an AppError (400, `unsupported_feature`) when the
   * provider has no embeddings API or cannot carry the input (token ids to a text-only API).
   */
  embeddingsRequest(request: EmbeddingsRequest, target: ProviderTarget): ProviderHttpRequest
  /** A 2xx embeddings answer's parsed JSON body; `inputs` is how many vectors were asked for. */
  embeddingsResponse(body: unknown, inputs: number): EmbeddingsResult
  /** The human-readable message of a provider's error body (for logs and the consumer's error). */
  errorMessage(status: number, body: unknown): string
}
