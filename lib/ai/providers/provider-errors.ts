import { AppError } from '@/lib/errors/app-error'

// The errors an adapter raises itself. A request the provider cannot carry is the consumer's to
// fix (400, before anything is sent); a stream or body the provider garbled is the provider's (502).

export function unsupportedFeature(provider: string, feature: string): AppError {
  return new AppError({
    code: 'unsupported_feature',
    status: 400,
    message: `${provider} cannot carry ${feature}.`,
    extra: { feature },
  })
}

/** The provider reported an error inside a 2xx stream, or sent something that is not its format. */
export function providerError(message: string): AppError {
  return new AppError({ code: 'provider_error', status: 502, message })
}

const MAX_MESSAGE_CHARS = 500

/**
 * The human-readable message in a provider's error body. The shapes seen across providers:
 * OpenAI/Anthropic/Gemini `{error: {message}}`, Ollama `{error: "..."}`, FastAPI servers
 * `{detail: "..." | [{msg}]}`, plain `{message}`, Gemini's array-wrapped `[{error}]`, or text.
 */
export function errorMessageOf(status: number, body: unknown): string {
  const found = findMessage(Array.isArray(body) ? body[0] : body)
  const message = found?.trim() ? found.trim() : `The provider answered HTTP ${status}.`
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message
}

function findMessage(body: unknown): string | null {
  if (typeof body === 'string') return body
  if (!body || typeof body !== 'object') return null
  const record = body as Record<string, unknown>
  const error = record.error
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message
  }
  if (typeof record.message === 'string') return record.message
  if (typeof record.detail === 'string') return record.detail
  if (Array.isArray(record.detail)) {
    const messages = record.detail.map((item) => (item as { msg?: unknown })?.msg).filter((m) => typeof m === 'string')
    if (messages.length > 0) return messages.join('; ')
  }
  return null
}
