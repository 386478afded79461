import type { Prisma } from '@/generated/sqlite/client'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { providerOutputSchema, type ProviderOutput } from './schemas'

// The key's ciphertext is never selected for output; the headers' ciphertext is read only to name
// the headers (their values stay on the server).
export const PROVIDER_SELECT = {
  id: true,
  name: true,
  kind: true,
  baseUrl: true,
  keyHint: true,
  headersEnc: true,
  createdAt: true,
  _count: { select: { models: true } },
} satisfies Prisma.AiProviderSelect

export type ProviderRow = Prisma.AiProviderGetPayload<{ select: typeof PROVIDER_SELECT }>

export function toProviderOutput(row: ProviderRow): ProviderOutput {
  return providerOutputSchema.parse({
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    keyHint: row.keyHint,
    headerNames: row.headersEnc ? Object.keys(openHeaders(row.headersEnc)) : [],
    modelCount: row._count.models,
    createdAt: row.createdAt,
  })
}

/** The stored extra headers (encryptSecret of their JSON), for the server side only. */
export function openHeaders(headersEnc: string | null): Record<string, string> {
  if (!headersEnc) return {}
  return JSON.parse(decryptSecret(headersEnc)) as Record<string, string>
}

/** "sk-…abcd": enough to tell keys apart, never enough to use one. */
export function keyHintOf(key: string): string {
  const tail = key.slice(-4)
  const head = key.length > 12 ? key.slice(0, 3) : ''
  return `${head}…${tail}`
}
