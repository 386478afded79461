import { buildAiChatContract } from '@/lib/ai/console/build-ai-chat-contract'
import { buildSearchText } from '@/lib/apis/search-text'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { daysAgo, type SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { SeededTeams } from './seed-teams'

// The offline AI gateway demo: acme's two providers point at the demo AI provider inside the demo
// upstream (server/demo-ai-*.ts), with a chat model each and an embedding model on the OpenAI one,
// and `acme/assistant` exposes all three on a paid per-token plan that globex subscribes to, so
// SEED_API_KEY calls it with the OpenAI SDK: chat, and `demo-embed` on POST /embeddings.
// The demo provider takes any key or none, so the providers store none (no secret is needed).

export const DEMO_AI = {
  providers: [
    { name: 'Demo (OpenAI format)', kind: 'OPENAI_COMPATIBLE', path: '/ai/openai/v1' },
    { name: 'Demo (Anthropic format)', kind: 'ANTHROPIC', path: '/ai/anthropic/v1' },
  ],
  // Prices per 1M tokens in micros: 0.50 / 1.50 USD and 3.00 / 15.00 USD; demo-embed 0.02 USD of input
  // (POST /embeddings, one deterministic vector per input).
  models: [
    {
      name: 'demo-gpt',
      provider: 'Demo (OpenAI format)',
      kind: 'CHAT',
      input: 500_000n,
      output: 1_500_000n,
      cached: 250_000n,
      contextWindow: 32_000,
      maxOutputTokens: 1_024,
    },
    {
      name: 'demo-claude',
      provider: 'Demo (Anthropic format)',
      kind: 'CHAT',
      input: 3_000_000n,
      output: 15_000_000n,
      cached: 300_000n,
      contextWindow: 32_000,
      maxOutputTokens: 1_024,
    },
    {
      name: 'demo-embed',
      provider: 'Demo (OpenAI format)',
      kind: 'EMBEDDING',
      input: 20_000n,
      output: 0n,
      cached: null,
      contextWindow: 8_192,
      maxOutputTokens: 1,
    },
  ],
  api: {
    slug: 'assistant',
    name: 'Assistant',
    description: 'An OpenAI-compatible chat API over the demo models, billed per token.',
    tags: ['ai', 'chat'],
  },
  // 2.00 USD per 1M input tokens and 6.00 USD per 1M output tokens, no free quota.
  plan: { name: 'Per token', input: 2_000_000n, output: 6_000_000n },
} as const

export async function seedAi(db: Db, config: SeedConfig, teams: SeededTeams, counter: SeedCounter): Promise<void> {
  const acme = teams.acme
  const providerIds = new Map<string, string>()
  for (const spec of DEMO_AI.providers) {
    const provider = await counter.upsert(
      'AI provider',
      () => db.aiProvider.findUnique({ where: { teamId_name: { teamId: acme.id, name: spec.name } } }),
      () =>
        db.aiProvider.create({
          data: {
            id: createId('aip'),
            teamId: acme.id,
            name: spec.name,
            kind: spec.kind,
            baseUrl: `${config.upstreamBase}${spec.path}`,
          },
        }),
    )
    providerIds.set(spec.name, provider.id)
  }
  const modelIds = new Map<string, string>()
  for (const spec of DEMO_AI.models) {
    const model = await counter.upsert(
      'AI model',
      () => db.aiModel.findUnique({ where: { teamId_name: { teamId: acme.id, name: spec.name } } }),
      () =>
        db.aiModel.create({
          data: {
            id: createId('aim'),
            teamId: acme.id,
            providerId: providerIds.get(spec.provider)!,
            name: spec.name,
            providerModel: spec.name,
            kind: spec.kind,
            inputMicrosPerM: spec.input,
            outputMicrosPerM: spec.output,
            cachedInputMicrosPerM: spec.cached,
            contextWindow: spec.contextWindow,
            maxOutputTokens: spec.maxOutputTokens,
          },
        }),
    )
    modelIds.set(spec.name, model.id)
  }

  const { api: apiSpec, plan: planSpec } = DEMO_AI
  const published = daysAgo(config.now, 29)
  const api = await counter.upsert(
    'API',
    () => db.api.findUnique({ where: { teamId_slug: { teamId: acme.id, slug: apiSpec.slug } } }),
    () =>
      db.api.create({
        data: {
          id: createId('api'),
          teamId: acme.id,
          slug: apiSpec.slug,
          name: apiSpec.name,
          description: apiSpec.description,
          kind: 'AI_CHAT',
          visibility: 'INTERNAL',
          state: 'PUBLISHED',
          searchText: buildSearchText(apiSpec.name, apiSpec.description, [...apiSpec.tags]),
          tags: { create: apiSpec.tags.map((tag) => ({ id: createId('tag'), tag })) },
          createdAt: daysAgo(config.now, 30),
          updatedAt: published,
        },
      }),
  )
  const names = DEMO_AI.models.map((m) => m.name)
  const namesOf = (kind: 'CHAT' | 'EMBEDDING') => DEMO_AI.models.filter((m) => m.kind === kind).map((m) => m.name)
  // v1 is published, so its contract is fixed: it is created whole, embedding model included, or left as it is.
  await counter.upsert(
    'version',
    () => db.apiVersion.findUnique({ where: { apiId_version: { apiId: api.id, version: 'v1' } } }),
    () =>
      db.apiVersion.create({
        data: {
          id: createId('ver'),
          apiId: api.id,
          teamId: acme.id,
          version: 'v1',
          major: 1,
          state: 'PUBLISHED',
          openapi: buildAiChatContract({
            apiName: apiSpec.name,
            version: 'v1',
            models: namesOf('CHAT'),
            embeddingModels: namesOf('EMBEDDING'),
            defaultModel: names[0],
          }),
          upstreamUrl: '',
          publishedAt: published,
          createdAt: daysAgo(config.now, 30),
          aiModels: {
            create: names.map((name, index) => ({
              id: createId('avm'),
              teamId: acme.id,
              name,
              isDefault: index === 0,
              targets: { create: [{ id: createId('art'), modelId: modelIds.get(name)!, position: 0 }] },
            })),
          },
          events: {
            create: [
              { from: null, to: 'DRAFT' as const, action: 'create', at: daysAgo(config.now, 30) },
              { from: 'DRAFT' as const, to: 'PUBLISHED' as const, action: 'publish', at: published },
            ].map((e) => ({
              id: createId('evt'),
              apiId: api.id,
              teamId: acme.id,
              actorId: acme.users.owner.id,
              actorEmail: acme.users.owner.email,
              fromState: e.from,
              toState: e.to,
              action: e.action,
              createdAt: e.at,
            })),
          },
        },
      }),
  )
  const plan = await counter.upsert(
    'plan',
    () => db.plan.findUnique({ where: { apiId_name: { apiId: api.id, name: planSpec.name } } }),
    () =>
      db.plan.create({
        data: {
          id: createId('plan'),
          apiId: api.id,
          teamId: acme.id,
          name: planSpec.name,
          description: 'Pay for the tokens you use; no free quota.',
          approval: 'AUTO',
          paid: true,
          pricePerMInputMicros: planSpec.input,
          pricePerMOutputMicros: planSpec.output,
          freeCallsPerMonth: 0,
          rateLimit: 60,
          tokensPerMinute: 200_000,
          createdAt: daysAgo(config.now, 30),
        },
      }),
  )
  await counter.upsert(
    'subscription',
    () => db.subscription.findFirst({ where: { apiId: api.id, consumerTeamId: teams.globex.id, planId: plan.id } }),
    () =>
      db.subscription.create({
        data: {
          id: createId('sub'),
          apiId: api.id,
          planId: plan.id,
          ownerTeamId: acme.id,
          consumerTeamId: teams.globex.id,
          state: 'ACTIVE',
          decidedAt: daysAgo(config.now, 28),
          createdAt: daysAgo(config.now, 28),
        },
      }),
  )
}
