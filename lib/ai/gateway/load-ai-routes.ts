import type { Db } from '@/lib/db'
import { decryptSecret } from '@/lib/crypto/secret-box'
import type { UpstreamPools } from '@/lib/gateway/upstream-pools'
import type { AiRoute, AiTarget, ExposedModel } from './ai-route-types'

// The AI half of a snapshot load (lib/gateway/load-snapshot.ts): for each live AI_CHAT version,
// its exposed models and their ordered route targets, with the provider's key and extra headers
// decrypted here, in the gateway process, and nowhere else. A target whose provider cannot be
// used (a base URL that is not http(s), a key sealed under another secret) is left out and
// logged; a model left with no target is not exposed.

export type AiVersionInfo = { id: string; teamId: string; ownerSlug: string; publishedAt: Date | null }

export async function loadAiRoutes(
  db: Db,
  pools: UpstreamPools,
  versions: readonly AiVersionInfo[],
): Promise<Map<string, AiRoute>> {
  const routes = new Map<string, AiRoute>()
  if (versions.length === 0) return routes
  const exposed = await db.aiVersionModel.findMany({
    where: { versionId: { in: versions.map((v) => v.id) } },
    orderBy: [{ versionId: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      versionId: true,
      teamId: true,
      isDefault: true,
      strategy: true,
      targets: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          weight: true,
          model: {
            select: {
              teamId: true,
              name: true,
              kind: true,
              providerModel: true,
              inputMicrosPerM: true,
              outputMicrosPerM: true,
              cachedInputMicrosPerM: true,
              contextWindow: true,
              maxOutputTokens: true,
              provider: {
                select: { teamId: true, name: true, kind: true, baseUrl: true, apiKeyEnc: true, headersEnc: true },
              },
            },
          },
        },
      },
    },
  })
  const byVersion = new Map(versions.map((v) => [v.id, v]))
  const models = new Map<string, Map<string, ExposedModel>>()
  const defaults = new Map<string, string>()
  for (const row of exposed) {
    const version = byVersion.get(row.versionId)!
    const targets: AiTarget[] = []
    // A route's targets are all of one kind (the console sees to it); its first target's kind is the route's.
    const kind = row.targets[0]?.model.kind ?? 'CHAT'
    for (const target of row.targets) {
      // Team scoping: a route may only use the owner team's own models and providers.
      if (target.model.teamId !== version.teamId || target.model.provider.teamId !== version.teamId) continue
      if (target.model.kind !== kind) continue
      const built = buildTarget(pools, target)
      if (built) targets.push(built)
    }
    if (targets.length === 0) continue
    let list = models.get(row.versionId)
    if (!list) models.set(row.versionId, (list = new Map()))
    list.set(row.name, { name: row.name, kind, strategy: row.strategy, targets })
    if (row.isDefault) defaults.set(row.versionId, row.name)
  }
  for (const version of versions) {
    routes.set(version.id, {
      models: models.get(version.id) ?? new Map(),
      defaultModel: defaults.get(version.id) ?? null,
      created: Math.floor((version.publishedAt?.getTime() ?? 0) / 1000),
      ownedBy: version.ownerSlug,
    })
  }
  return routes
}

type TargetRow = {
  id: string
  weight: number
  model: {
    name: string
    providerModel: string
    inputMicrosPerM: bigint
    outputMicrosPerM: bigint
    cachedInputMicrosPerM: bigint | null
    contextWindow: number
    maxOutputTokens: number
    provider: {
      name: string
      kind: AiTarget['provider']['kind']
      baseUrl: string
      apiKeyEnc: string | null
      headersEnc: string | null
    }
  }
}

function buildTarget(pools: UpstreamPools, { id, weight, model }: TargetRow): AiTarget | null {
  const provider = model.provider
  try {
    const url = new URL(provider.baseUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported scheme ${url.protocol}`)
    const headers = provider.headersEnc
      ? (JSON.parse(decryptSecret(provider.headersEnc)) as Record<string, string>)
      : {}
    return {
      id,
      modelName: model.name,
      providerName: provider.name,
      provider: {
        kind: provider.kind,
        baseUrl: provider.baseUrl,
        apiKey: provider.apiKeyEnc ? decryptSecret(provider.apiKeyEnc) : null,
        headers,
        providerModel: model.providerModel,
        maxOutputTokens: model.maxOutputTokens,
      },
      origin: url.origin,
      basePath: url.pathname.replace(/\/+$/, ''),
      pool: pools.get(url.origin),
      prices: {
        inputMicrosPerM: model.inputMicrosPerM,
        outputMicrosPerM: model.outputMicrosPerM,
        cachedInputMicrosPerM: model.cachedInputMicrosPerM,
      },
      contextWindow: model.contextWindow,
      maxOutputTokens: model.maxOutputTokens,
      weight: Math.max(0, weight),
    }
  } catch (error) {
    // Never the error itself: a decryption failure's message is harmless, but keep secrets out of logs by rule.
    console.error(`[gateway] AI provider "${provider.name}" skipped: ${(error as Error).name}`)
    return null
  }
}
