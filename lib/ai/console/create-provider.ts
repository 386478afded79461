import type { TeamScope } from '@/lib/auth/actor'
import { encryptSecret } from '@/lib/crypto/secret-box'
import { db, type Tx } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { assertOutboundUrl } from '@/lib/net/check-outbound-url'
import { createProviderSchema, type CreateProviderInput, type ProviderOutput } from './schemas'
import { keyHintOf, PROVIDER_SELECT, toProviderOutput } from './to-provider-output'

/**
 * Adds a provider: the base URL passes the outbound policy, the key and headers are sealed at rest.
 * A provider without a key is allowed (keyless servers such as Ollama); calls then go without one.
 */
export async function createProvider(
  { teamId }: TeamScope,
  input: CreateProviderInput,
  tx?: Tx,
): Promise<ProviderOutput> {
  const client = tx ?? db
  const data = createProviderSchema.parse(input)
  await assertOutboundUrl(data.baseUrl, 'baseUrl')
  const taken = await client.aiProvider.findFirst({ where: { teamId, name: data.name }, select: { id: true } })
  if (taken) throw providerNameTaken()
  const headers = data.headers ?? {}
  try {
    const row = await client.aiProvider.create({
      data: {
        id: createId('aip'),
        teamId,
        name: data.name,
        kind: data.kind,
        baseUrl: data.baseUrl,
        apiKeyEnc: data.apiKey ? encryptSecret(data.apiKey) : null,
        keyHint: data.apiKey ? keyHintOf(data.apiKey) : null,
        headersEnc: Object.keys(headers).length > 0 ? encryptSecret(JSON.stringify(headers)) : null,
      },
      select: PROVIDER_SELECT,
    })
    return toProviderOutput(row)
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw providerNameTaken()
    throw error
  }
}

export const providerNameTaken = () =>
  invalid('This team already has a provider with that name', { name: ['Pick another name'] }, 'provider_name_taken')
