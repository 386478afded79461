import type { Db } from '../lib/db'
import { createApi, createKey } from '../lib/gateway/test-fixtures'
import { createId } from '../lib/ids'
import { createBenchDb } from './seed-bench-db'

// The AI row's database: an AI_CHAT API whose one model routes to the demo AI provider, on a paid
// per-token plan (every call reserved at its worst case, settled at the reported usage, charged
// through the metering writer) with no rate or token limit.

export async function seedBenchAi(
  providerBaseUrl: string,
): Promise<{ db: Db; url: string; path: string; key: string }> {
  const { db, url, owner, consumer } = await createBenchDb()
  const api = await createApi(db, {
    ownerTeamId: owner.id,
    consumerTeamId: consumer.id,
    slug: 'assistant',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: '' }],
  })
  await db.api.update({ where: { id: api.api.id }, data: { kind: 'AI_CHAT' } })
  const provider = await db.aiProvider.create({
    data: {
      id: createId('aip'),
      teamId: owner.id,
      name: 'Demo (OpenAI format)',
      kind: 'OPENAI',
      baseUrl: providerBaseUrl,
    },
  })
  const model = await db.aiModel.create({
    data: {
      id: createId('aim'),
      teamId: owner.id,
      providerId: provider.id,
      name: 'demo-gpt',
      providerModel: 'demo-chat',
      inputMicrosPerM: 150_000n,
      outputMicrosPerM: 600_000n,
      contextWindow: 128_000,
      maxOutputTokens: 256,
    },
  })
  await db.aiVersionModel.create({
    data: {
      id: createId('aivm'),
      teamId: owner.id,
      versionId: api.versionIds.get('v1')!,
      name: 'demo-gpt',
      isDefault: true,
      targets: { create: [{ id: createId('airt'), modelId: model.id, position: 0 }] },
    },
  })
  await db.plan.update({
    where: { id: api.plan.id },
    data: { paid: true, pricePerMInputMicros: 1_000_000n, pricePerMOutputMicros: 2_000_000n },
  })
  const key = await createKey(db, consumer.id)
  return { db, url, path: `/gw/${owner.slug}/assistant/v1/chat/completions`, key: key.value }
}
