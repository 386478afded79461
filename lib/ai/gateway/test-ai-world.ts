import type { AiModelKind, AiProviderKind, AiRouteStrategy } from '@/generated/sqlite/enums'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { encryptSecret } from '@/lib/crypto/secret-box'
import type { Db } from '@/lib/db'
import { createApi, createKey, waitFor } from '@/lib/gateway/test-fixtures'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import type { CreatePromptVersionInput } from '../prompt/prompt-schemas'
import { updatePromptVersion } from '../prompt/save-prompt-version'

// The world the AI gateway tests share: Acme publishes an AI_CHAT API ("assistant", v1) whose
// exposed models route to the providers and models a test names (real HTTP upstreams the test
// started); Initech subscribes on the plan the test describes and holds one key.

export type ProviderSeed = {
  name: string
  kind: AiProviderKind
  baseUrl: string
  apiKey?: string
  headers?: Record<string, string>
}
export type ModelSeed = {
  name: string
  provider: string
  providerModel?: string
  /** CHAT unless given. */
  kind?: AiModelKind
  inputMicrosPerM?: bigint
  outputMicrosPerM?: bigint
  cachedInputMicrosPerM?: bigint
  contextWindow?: number
  maxOutputTokens?: number
}
export type ExposedSeed = {
  name: string
  isDefault?: boolean
  strategy?: AiRouteStrategy
  targets: Array<{ model: string; weight?: number }>
}
export type PlanSeed = {
  paid?: boolean
  pricePerCallMicros?: bigint
  pricePerMInputMicros?: bigint
  pricePerMOutputMicros?: bigint
  freeCallsPerMonth?: number
  tokensPerMinute?: number
}

export async function seedAiWorld(
  db: Db,
  spec: { providers: ProviderSeed[]; models: ModelSeed[]; exposed: ExposedSeed[]; plan?: PlanSeed; timeoutMs?: number },
) {
  const acme = await createTestTeam({ label: 'acme' }, db)
  const initech = await createTestTeam({ label: 'initech', billingAccount: { paymentMethodStatus: 'VALID' } }, db)
  const assistant = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: initech.id,
    slug: 'assistant',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: '', timeoutMs: spec.timeoutMs ?? 5_000 }],
  })
  await db.api.update({ where: { id: assistant.api.id }, data: { kind: 'AI_CHAT' } })
  const versionId = assistant.versionIds.get('v1')!
  const providerIds = new Map<string, string>()
  for (const p of spec.providers) {
    const id = createId('aip')
    providerIds.set(p.name, id)
    await db.aiProvider.create({
      data: {
        id,
        teamId: acme.id,
        name: p.name,
        kind: p.kind,
        baseUrl: p.baseUrl,
        apiKeyEnc: p.apiKey ? encryptSecret(p.apiKey) : null,
        keyHint: p.apiKey ? `…${p.apiKey.slice(-4)}` : null,
        headersEnc: p.headers ? encryptSecret(JSON.stringify(p.headers)) : null,
      },
    })
  }
  const modelIds = new Map<string, string>()
  for (const m of spec.models) {
    const id = createId('aim')
    modelIds.set(m.name, id)
    await db.aiModel.create({
      data: {
        id,
        teamId: acme.id,
        providerId: providerIds.get(m.provider)!,
        name: m.name,
        providerModel: m.providerModel ?? m.name,
        kind: m.kind ?? 'CHAT',
        inputMicrosPerM: m.inputMicrosPerM ?? 0n,
        outputMicrosPerM: m.outputMicrosPerM ?? 0n,
        cachedInputMicrosPerM: m.cachedInputMicrosPerM ?? null,
        contextWindow: m.contextWindow ?? 128_000,
        maxOutputTokens: m.maxOutputTokens ?? 1_000,
      },
    })
  }
  for (const exposed of spec.exposed) {
    await db.aiVersionModel.create({
      data: {
        id: createId('aivm'),
        teamId: acme.id,
        versionId,
        name: exposed.name,
        isDefault: exposed.isDefault ?? false,
        strategy: exposed.strategy ?? 'FALLBACK',
        targets: {
          create: exposed.targets.map((t, position) => ({
            id: createId('airt'),
            modelId: modelIds.get(t.model)!,
            position,
            weight: t.weight ?? 1,
          })),
        },
      },
    })
  }
  const plan = spec.plan ?? {}
  await db.plan.update({
    where: { id: assistant.plan.id },
    data: {
      paid: plan.paid ?? true,
      pricePerCallMicros: plan.pricePerCallMicros ?? 0n,
      pricePerMInputMicros: plan.pricePerMInputMicros ?? 0n,
      pricePerMOutputMicros: plan.pricePerMOutputMicros ?? 0n,
      freeCallsPerMonth: plan.freeCallsPerMonth ?? 0,
      tokensPerMinute: plan.tokensPerMinute ?? null,
      name: 'Per token',
    },
  })
  const key = await createKey(db, initech.id)
  await publishConfigChange(db)
  const basePath = `/gw/${acme.slug}/assistant/v1`
  return { acme, initech, assistant, versionId, key, basePath }
}

export type AiWorld = Awaited<ReturnType<typeof seedAiWorld>>

/** The call's Invocation row once the metering writer has written it. */
export function writtenInvocation(db: Db, requestId: string, timeoutMs = 10_000) {
  return waitFor(() => db.invocation.findFirst({ where: { requestId } }).then((row) => row ?? undefined), timeoutMs)
}

export type PromptSeed = {
  slug: string
  /** The team model (of the world's models) the prompt runs on. */
  model: string
  systemTemplate?: string
  userTemplate: string
  variables: unknown[]
  outputSchema?: Record<string, unknown>
  maxOutputTokens?: number
  plan?: PlanSeed
}

/**
 * An AI_PROMPT API of the world's Acme, saved through the prompt form's own function (template,
 * route, generated contract), published, with Initech subscribed on the plan the test describes.
 */
export async function seedPromptApi(db: Db, world: AiWorld, spec: PromptSeed) {
  const { api, plan, versionIds } = await createApi(db, {
    ownerTeamId: world.acme.id,
    consumerTeamId: world.initech.id,
    slug: spec.slug,
    versions: [{ version: 'v1', state: 'DRAFT', upstreamUrl: '', timeoutMs: 5_000 }],
  })
  await db.api.update({ where: { id: api.id }, data: { kind: 'AI_PROMPT' } })
  const versionId = versionIds.get('v1')!
  const model = await db.aiModel.findFirstOrThrow({ where: { teamId: world.acme.id, name: spec.model } })
  await updatePromptVersion(world.acme.scope, {
    versionId,
    systemTemplate: spec.systemTemplate ?? '',
    userTemplate: spec.userTemplate,
    variables: spec.variables as CreatePromptVersionInput['variables'],
    outputSchema: spec.outputSchema ?? null,
    maxOutputTokens: spec.maxOutputTokens,
    modelId: model.id,
  })
  await db.apiVersion.update({ where: { id: versionId }, data: { state: 'PUBLISHED', publishedAt: new Date() } })
  const pricing = spec.plan ?? {}
  await db.plan.update({
    where: { id: plan.id },
    data: {
      paid: pricing.paid ?? true,
      pricePerCallMicros: pricing.pricePerCallMicros ?? 0n,
      pricePerMInputMicros: pricing.pricePerMInputMicros ?? 0n,
      pricePerMOutputMicros: pricing.pricePerMOutputMicros ?? 0n,
      freeCallsPerMonth: pricing.freeCallsPerMonth ?? 0,
      tokensPerMinute: pricing.tokensPerMinute ?? null,
      name: 'Per token',
    },
  })
  await publishConfigChange(db)
  return { api, plan, versionId, path: `/gw/${world.acme.slug}/${spec.slug}/v1` }
}
