import type { Prisma } from '@/generated/sqlite/client'
import type { TeamScope } from '@/lib/auth/actor'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { encryptSecret } from '@/lib/crypto/secret-box'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { assertOutboundUrl } from '@/lib/net/check-outbound-url'
import { providerNameTaken } from './create-provider'
import { updateProviderSchema, type ProviderOutput, type UpdateProviderInput } from './schemas'
import { keyHintOf, PROVIDER_SELECT, toProviderOutput } from './to-provider-output'

/**
 * Edits a provider. The key is write-only: an empty field keeps the stored one, a new value
 * replaces it, `clearApiKey` removes it. Gateways see the change at once (config event).
 */
export async function updateProvider(
  { teamId }: TeamScope,
  input: UpdateProviderInput,
  tx?: Tx,
): Promise<ProviderOutput> {
  const { providerId, apiKey, clearApiKey, headers, ...fields } = updateProviderSchema.parse(input)
  const client = tx ?? db
  const current = await client.aiProvider.findFirst({ where: { id: providerId, teamId }, select: { id: true } })
  if (!current) throw notFound('Provider')
  if (fields.baseUrl !== undefined) await assertOutboundUrl(fields.baseUrl, 'baseUrl')
  if (fields.name !== undefined) {
    const clash = await client.aiProvider.findFirst({
      where: { teamId, name: fields.name, id: { not: providerId } },
      select: { id: true },
    })
    if (clash) throw providerNameTaken()
  }
  const data: Prisma.AiProviderUpdateInput = { ...fields }
  if (apiKey) Object.assign(data, { apiKeyEnc: encryptSecret(apiKey), keyHint: keyHintOf(apiKey) })
  else if (clearApiKey) Object.assign(data, { apiKeyEnc: null, keyHint: null })
  if (headers !== undefined)
    data.headersEnc = Object.keys(headers).length > 0 ? encryptSecret(JSON.stringify(headers)) : null
  try {
    const write = async (inner: Tx) => {
      const row = await inner.aiProvider.update({ where: { id: providerId, teamId }, data, select: PROVIDER_SELECT })
      await publishConfigChange(inner)
      return toProviderOutput(row)
    }
    return await (tx ? write(tx) : db.$transaction(write))
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw providerNameTaken()
    throw error
  }
}
