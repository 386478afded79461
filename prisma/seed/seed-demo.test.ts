import { validate, compileErrors } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { buildSearchText } from '@/lib/apis/search-text'
import { verifyPassword } from '@/lib/auth/verify-password'
import { db } from '@/lib/db'
import { hashKey, keyDisplayPrefix } from '@/lib/credentials/key-format'
import { deriveApiState } from '@/lib/lifecycle/derive-api-state'
import { authenticateManagementToken } from '@/lib/management-tokens/authenticate-management-token'
import { validateOpenApi } from '@/lib/openapi/validate-openapi'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { DEMO_APIS } from './demo-apis'
import { DEMO_AI } from './seed-ai'
import { readSeedConfig } from './seed-config'
import { runSeed } from './seed-demo'

const SEED_KEY = 'tg_live_seedtest0123456789abcdef'
const SEED_TOKEN = 'tgm_seedtest0123456789abcdef0123'
const config = readSeedConfig({
  SEED_PASSWORD: 'correct horse battery',
  SEED_API_KEY: SEED_KEY,
  SEED_MANAGEMENT_TOKEN: SEED_TOKEN,
  DEMO_UPSTREAM_PORT: '4999',
})
let cleanup: () => Promise<void>
let firstRunTotal = 0

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  firstRunTotal = (await runSeed(db, config)).counter.total
  // The whole demo seed (59k logged calls) on a machine busy with other tests.
}, 180_000)
afterAll(async () => cleanup?.())

const apiBySlug = (team: string, slug: string) =>
  db.api.findFirstOrThrow({
    where: { slug, team: { slug: team } },
    include: { versions: true, plans: true, tags: true },
  })

async function tableCounts() {
  return {
    users: await db.user.count(),
    teams: await db.team.count(),
    memberships: await db.membership.count(),
    apis: await db.api.count(),
    tags: await db.apiTag.count(),
    versions: await db.apiVersion.count(),
    events: await db.lifecycleEvent.count(),
    plans: await db.plan.count(),
    subscriptions: await db.subscription.count(),
    keys: await db.apiKey.count(),
    billing: await db.billingAccount.count(),
    ledger: await db.ledgerEntry.count(),
    usageRollups: await db.usageRollup.count(),
    paymentRollups: await db.paymentRollup.count(),
    incidents: await db.paymentIncident.count(),
    invocations: await db.invocation.count(),
    subscriptionUsage: await db.subscriptionUsage.count(),
  }
}

describe('demo seed', () => {
  test('creates acme, globex and initech with an owner, a member and a viewer whose passwords work', async () => {
    for (const slug of ['acme', 'globex', 'initech']) {
      const members = await db.membership.findMany({
        where: { team: { slug } },
        select: { role: true, user: { select: { email: true } } },
      })
      expect(members.map((m) => `${m.user.email}:${m.role}`).sort()).toEqual([
        `member@${slug}.test:MEMBER`,
        `owner@${slug}.test:OWNER`,
        `viewer@${slug}.test:VIEWER`,
      ])
      expect(await verifyPassword(`owner@${slug}.test`, 'correct horse battery')).toMatchObject({
        email: `owner@${slug}.test`,
      })
      expect(await verifyPassword(`viewer@${slug}.test`, 'tollgate-demo')).toBeNull()
    }
  })

  test('acme/weather: v1 deprecated with a future sunset and v2 as successor; v2 published; plans AUTO and MANUAL', async () => {
    const api = await apiBySlug('acme', 'weather')
    const v1 = api.versions.find((v) => v.version === 'v1')!
    const v2 = api.versions.find((v) => v.version === 'v2')!
    expect([v1.state, v2.state, api.state]).toEqual(['DEPRECATED', 'PUBLISHED', 'PUBLISHED'])
    expect(v1.sunsetAt!.getTime()).toBeGreaterThan(Date.now() + 30 * 86_400_000)
    expect(v1.successorId).toBe(v2.id)
    expect(new Set(api.plans.map((p) => p.approval))).toEqual(new Set(['AUTO', 'MANUAL']))
    expect(v2.upstreamUrl).toBe('http://127.0.0.1:4999/weather/v2')
  })

  test('acme/legacy-orders v1 is retired, after its sunset', async () => {
    const api = await apiBySlug('acme', 'legacy-orders')
    expect(api.versions.map((v) => [v.version, v.state])).toEqual([['v1', 'RETIRED']])
    expect(api.state).toBe('RETIRED')
    expect(api.versions[0].retiredAt!.getTime()).toBeGreaterThanOrEqual(api.versions[0].sunsetAt!.getTime())
    expect(api.versions[0].upstreamUrl).toBe('http://127.0.0.1:4999/orders')
  })

  test('a dozen APIs cover every lifecycle state, with state and searchText kept consistent', async () => {
    const apis = await db.api.findMany({
      include: { versions: { select: { state: true } }, tags: { select: { tag: true } } },
    })
    expect(apis.length).toBeGreaterThanOrEqual(12)
    expect(new Set(apis.map((a) => a.state))).toEqual(new Set(['DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED']))
    for (const api of apis) {
      expect(api.state, api.slug).toBe(deriveApiState(api.versions.map((v) => v.state)))
      const spec =
        DEMO_APIS.find((d) => d.slug === api.slug) ?? (api.slug === DEMO_AI.api.slug ? DEMO_AI.api : undefined)!
      expect(api.tags.map((t) => t.tag).sort(), api.slug).toEqual([...spec.tags].sort())
      expect(api.searchText, api.slug).toBe(buildSearchText(api.name, api.description, [...spec.tags]))
    }
  })

  test('every published or deprecated API has an AUTO plan', async () => {
    const live = await db.api.findMany({
      where: { state: { in: ['PUBLISHED', 'DEPRECATED'] } },
      include: { plans: true },
    })
    for (const api of live)
      expect(
        api.plans.some((p) => p.approval === 'AUTO' && !p.archivedAt),
        api.slug,
      ).toBe(true)
  })

  test('every version has a lifecycle history that ends in its current state, in the past and in order', async () => {
    const versions = await db.apiVersion.findMany({ include: { events: { orderBy: { createdAt: 'asc' } } } })
    for (const version of versions) {
      const chain = version.events.map((e) => `${e.fromState ?? '-'}>${e.toState}`)
      expect(chain[0], version.id).toBe('->DRAFT')
      for (let i = 1; i < version.events.length; i++)
        expect(version.events[i].fromState).toBe(version.events[i - 1].toState)
      expect(version.events.at(-1)!.toState).toBe(version.state)
      expect(version.events.at(-1)!.createdAt.getTime()).toBeLessThanOrEqual(Date.now())
      expect(version.events.every((e) => e.actorEmail?.endsWith('.test'))).toBe(true)
    }
  })

  test('every OpenAPI document is a valid OpenAPI 3.x document with real paths', async () => {
    const versions = await db.apiVersion.findMany({
      select: { openapi: true, version: true, api: { select: { slug: true } } },
    })
    for (const version of versions) {
      const document = parseYaml(version.openapi)
      const result = await validate(document)
      expect(result.valid ? 'valid' : compileErrors(result), `${version.api.slug} ${version.version}`).toBe('valid')
      expect(document.openapi).toMatch(/^3\.[01]\./)
      expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(2)
    }
  })

  test('globex is actively subscribed to acme/weather and holds the SEED_API_KEY key (hash only)', async () => {
    const weather = await apiBySlug('acme', 'weather')
    const globex = await db.team.findUniqueOrThrow({ where: { slug: 'globex' } })
    expect(
      await db.subscription.count({ where: { apiId: weather.id, consumerTeamId: globex.id, state: 'ACTIVE' } }),
    ).toBe(1)
    const key = await db.apiKey.findUniqueOrThrow({ where: { hash: hashKey(SEED_KEY) } })
    expect([key.teamId, key.prefix, key.revokedAt]).toEqual([globex.id, keyDisplayPrefix(SEED_KEY), null])
  })

  test('acme’s owner holds the SEED_MANAGEMENT_TOKEN token: write, billing and ai, hash only', async () => {
    const acme = await db.team.findUniqueOrThrow({ where: { slug: 'acme' } })
    const row = await db.managementToken.findFirstOrThrow({ where: { teamId: acme.id } })
    expect(row.hash).not.toContain(SEED_TOKEN.slice(4))
    const caller = await authenticateManagementToken(`Bearer ${SEED_TOKEN}`)
    expect([caller.team.slug, caller.scope.actor.email, caller.scope.actor.role]).toEqual([
      'acme',
      'owner@acme.test',
      'OWNER',
    ])
    for (const permission of ['apis.write', 'billing.write', 'ai.write', 'team.manage'] as const) {
      expect(caller.permissions.has(permission), permission).toBe(true)
    }
  })

  test('every team has a billing account whose balance equals its ledger', async () => {
    const teams = await db.team.findMany({ include: { billingAccount: true } })
    for (const team of teams) {
      expect(team.billingAccount, team.slug).not.toBeNull()
      const ledger = await db.ledgerEntry.findMany({ where: { teamId: team.id }, select: { amountMicros: true } })
      expect(team.billingAccount!.balanceMicros).toBe(ledger.reduce((sum, e) => sum + e.amountMicros, 0n))
    }
  })

  test('acme/assistant: an AI_CHAT API on the demo AI provider, v1 published, globex subscribed on a per-token plan', async () => {
    const api = await apiBySlug('acme', 'assistant')
    expect(api).toMatchObject({ kind: 'AI_CHAT', visibility: 'INTERNAL', state: 'PUBLISHED' })
    expect(api.versions).toMatchObject([{ version: 'v1', state: 'PUBLISHED', upstreamUrl: '' }])
    expect((await validateOpenApi(api.versions[0].openapi)).ok).toBe(true)
    const routes = await db.aiVersionModel.findMany({
      where: { versionId: api.versions[0].id },
      orderBy: { name: 'asc' },
      select: {
        name: true,
        isDefault: true,
        targets: {
          select: {
            model: {
              select: {
                providerModel: true,
                provider: { select: { name: true, kind: true, baseUrl: true, apiKeyEnc: true } },
              },
            },
          },
        },
      },
    })
    expect(routes).toEqual([
      {
        name: 'demo-claude',
        isDefault: false,
        targets: [
          {
            model: {
              providerModel: 'demo-claude',
              provider: {
                name: 'Demo (Anthropic format)',
                kind: 'ANTHROPIC',
                baseUrl: 'http://127.0.0.1:4999/ai/anthropic/v1',
                apiKeyEnc: null,
              },
            },
          },
        ],
      },
      {
        name: 'demo-embed',
        isDefault: false,
        targets: [
          {
            model: {
              providerModel: 'demo-embed',
              provider: {
                name: 'Demo (OpenAI format)',
                kind: 'OPENAI_COMPATIBLE',
                baseUrl: 'http://127.0.0.1:4999/ai/openai/v1',
                apiKeyEnc: null,
              },
            },
          },
        ],
      },
      {
        name: 'demo-gpt',
        isDefault: true,
        targets: [
          {
            model: {
              providerModel: 'demo-gpt',
              provider: {
                name: 'Demo (OpenAI format)',
                kind: 'OPENAI_COMPATIBLE',
                baseUrl: 'http://127.0.0.1:4999/ai/openai/v1',
                apiKeyEnc: null,
              },
            },
          },
        ],
      },
    ])
    expect(api.plans).toMatchObject([
      {
        name: 'Per token',
        paid: true,
        approval: 'AUTO',
        freeCallsPerMonth: 0,
        pricePerMInputMicros: 2_000_000n,
        pricePerMOutputMicros: 6_000_000n,
      },
    ])
    const globex = await db.team.findUniqueOrThrow({ where: { slug: 'globex' } })
    expect(await db.subscription.count({ where: { apiId: api.id, consumerTeamId: globex.id, state: 'ACTIVE' } })).toBe(
      1,
    )
  })

  test('running it again writes nothing', async () => {
    expect(firstRunTotal).toBeGreaterThan(50)
    const before = await tableCounts()
    const stamps = await db.user.findMany({
      select: { email: true, updatedAt: true, passwordHash: true },
      orderBy: { email: 'asc' },
    })
    const again = await runSeed(db, config)
    expect(again.counter.total).toBe(0)
    expect(await tableCounts()).toEqual(before)
    expect(
      await db.user.findMany({
        select: { email: true, updatedAt: true, passwordHash: true },
        orderBy: { email: 'asc' },
      }),
    ).toEqual(stamps)
  })
})

describe('seed configuration', () => {
  test.each([
    ['no tg_ prefix', 'sk_live_0123456789abcdef', /must start with "tg_"/],
    ['upper case', 'tg_live_0123456789ABCDEF', /must look like/],
    ['too short', 'tg_live_abc', /must look like/],
  ])('SEED_API_KEY with %s is refused clearly', (_label, value, message) => {
    expect(() => readSeedConfig({ SEED_API_KEY: value })).toThrow(message)
  })

  test('SEED_MANAGEMENT_TOKEN that is not a tgm_ token is refused clearly', () => {
    expect(() => readSeedConfig({ SEED_MANAGEMENT_TOKEN: 'tg_live_0123456789abcdef' })).toThrow(/must look like tgm_/)
  })

  test('defaults: demo password, demo upstream on port 4010, no key', () => {
    expect(readSeedConfig({})).toMatchObject({
      password: 'tollgate-demo',
      upstreamBase: 'http://127.0.0.1:4010',
      apiKey: null,
    })
  })
})
