import type { AiProviderKind } from '@/generated/sqlite/enums'
import type { ProviderAdapter } from '../provider-adapter'
import { anthropicAdapter } from './anthropic'
import { geminiAdapter } from './gemini'
import { ollamaAdapter } from './ollama'
import { openAiAdapter } from './openai'
import { openAiCompatibleAdapter } from './openai-compatible'

// One adapter per provider kind in the schema's AiProviderKind; the Record makes a new kind a
// type error here until it has one.

const ADAPTERS: Record<AiProviderKind, ProviderAdapter> = {
  OPENAI: openAiAdapter,
  OPENAI_COMPATIBLE: openAiCompatibleAdapter,
  ANTHROPIC: anthropicAdapter,
  GEMINI: geminiAdapter,
  OLLAMA: ollamaAdapter,
}

export function adapterFor(kind: AiProviderKind): ProviderAdapter {
  return ADAPTERS[kind]
}
