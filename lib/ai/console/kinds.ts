import type { AiModelKind, AiProviderKind } from '@/generated/sqlite/enums'

// The provider and model kinds the console offers, with the words the forms show.

export const AI_PROVIDER_KINDS = [
  'OPENAI',
  'OPENAI_COMPATIBLE',
  'ANTHROPIC',
  'GEMINI',
  'OLLAMA',
] as const satisfies readonly AiProviderKind[]
export const AI_MODEL_KINDS = ['CHAT', 'EMBEDDING'] as const satisfies readonly AiModelKind[]

export const PROVIDER_KIND_LABELS: Record<AiProviderKind, string> = {
  OPENAI: 'OpenAI',
  OPENAI_COMPATIBLE: 'OpenAI-compatible (Azure, Mistral, DeepSeek, Groq, vLLM…)',
  ANTHROPIC: 'Anthropic',
  GEMINI: 'Google Gemini',
  OLLAMA: 'Ollama',
}
