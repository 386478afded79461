import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { db } from '@/lib/db'
import { ordersV1Yaml } from '@/lib/openapi/fixtures/orders'
import { createPlan } from '@/lib/plans/create-plan'
import { applied, exportConfig, post, teamWithToken, type Diff } from './testing/config-fixture'
import { PETS, setupManagementWorld } from './testing/management-fixture'

// Declarative config through the real route handlers and a real database: export, diff, apply.

const setup = setupManagementWorld()

/** Everything an apply could touch in a team, to prove an apply changed nothing. */
async function stateOf(teamId: string) {
  return {
    apis: await db.api.findMany({ where: { teamId }, include: { tags: true }, orderBy: { id: 'asc' } }),
    versions: await db.apiVersion.findMany({ where: { teamId }, orderBy: { id: 'asc' } }),
    plans: await db.plan.findMany({ where: { teamId }, orderBy: { id: 'asc' } }),
    audit: await db.auditEntry.count({ where: { teamId } }),
  }
}

/** A team with two REST APIs: drafts in YAML and JSON, a free and a paid plan, tags. */
async function seedSource() {
  const source = await teamWithToken('source')
  const orders = await createApi(source.team.scope, {
    name: 'Orders',
    slug: 'orders',
    description: 'Order intake\nand status',
    tags: ['commerce', 'core'],
    visibility: 'PRIVATE',
  })
  await createVersion(source.team.scope, {
    apiId: orders.id,
    version: 'v1',
    upstreamUrl: setup.upstreamUrl,
    openapi: ordersV1Yaml,
  })
  await createVersion(source.team.scope, {
    apiId: orders.id,
    version: 'v2',
    upstreamUrl: `${setup.upstreamUrl}/v2`,
    openapi: PETS,
    timeoutMs: 5000,
  })
  await createPlan(source.team.scope, { apiId: orders.id, name: 'Free', rateLimit: 10, rateWindow: 'SECOND' })
  await createPlan(source.team.scope, {
    apiId: orders.id,
    name: 'Pro',
    approval: 'MANUAL',
    paid: true,
    currency: 'EUR',
    pricePerCall: '0.002',
    freeCallsPerMonth: 1000,
  })
  const pets = await createApi(source.team.scope, { name: 'Pets', slug: 'pets' })
  await createVersion(source.team.scope, {
    apiId: pets.id,
    version: 'v1',
    upstreamUrl: setup.upstreamUrl,
    openapi: PETS,
  })
  return source
}

describe('export and apply', () => {
  test('export, apply to an empty team, export again: the same file; a second apply changes nothing', async () => {
    const source = await seedSource()
    const file = await exportConfig(source.team, source.token)
    const document = parse(file) as {
      format: string
      apis: Array<{ slug: string; versions: unknown[]; plans: unknown[] }>
    }
    expect(document.format).toBe('tollgate/v1')
    expect(document.apis.map((a) => [a.slug, a.versions.length, a.plans.length])).toEqual([
      ['orders', 2, 2],
      ['pets', 1, 0],
    ])
    expect(file).toContain('pricePerCall: "0.002"')
    expect(file).not.toMatch(/\bapi_|\bver_|\bplan_/)

    const target = await teamWithToken('target')
    const first = await applied(target.team, target.token, file)
    expect(first.summary).toEqual({ create: 7, update: 0, unchanged: 0, delete: 0 })
    expect(first.applied).toBe(true)
    const entries = await db.auditEntry.findMany({ where: { teamId: target.team.id } })
    expect(entries.map((e) => `${e.origin} ${e.action}`).sort()).toEqual([
      'CONFIG api.create',
      'CONFIG api.create',
      'CONFIG plan.create',
      'CONFIG plan.create',
      'CONFIG version.create',
      'CONFIG version.create',
      'CONFIG version.create',
    ])
    expect(await exportConfig(target.team, target.token)).toBe(file)

    const before = await stateOf(target.team.id)
    const second = await applied(target.team, target.token, file)
    expect(second).toMatchObject({ summary: { create: 0, update: 0, unchanged: 7 }, applied: false })
    expect(await stateOf(target.team.id)).toEqual(before)
  })

  test('diff names each resource’s change and writes nothing; apply then makes exactly those changes', async () => {
    const source = await seedSource()
    const file = (await exportConfig(source.team, source.token))
      .replace('name: Orders', 'name: Orders API')
      .replace('plans: []', 'plans: [{ name: Hobby, rateLimit: 5 }]')
    const before = await stateOf(source.team.id)
    const response = await post('diff', source.team, source.token, file)
    expect(response.status, await response.clone().text()).toBe(200)
    const diff = (await response.json()) as Diff
    expect(diff.changes.filter((c) => c.change !== 'unchanged')).toEqual([
      { resource: 'api', name: 'orders', change: 'update', fields: ['name'] },
      { resource: 'plan', name: 'pets/Hobby', change: 'create' },
    ])
    expect(diff.summary).toEqual({ create: 1, update: 1, unchanged: 6, delete: 0 })
    expect(await stateOf(source.team.id)).toEqual(before)

    expect((await applied(source.team, source.token, file)).summary).toEqual(diff.summary)
    const orders = await db.api.findFirstOrThrow({ where: { teamId: source.team.id, slug: 'orders' } })
    expect(orders.name).toBe('Orders API')
    expect(await db.plan.count({ where: { teamId: source.team.id, name: 'Hobby', rateLimit: 5 } })).toBe(1)
  })

  test('a failing apply changes nothing: an invalid contract late in the file undoes the APIs before it', async () => {
    const { team, token } = await teamWithToken('failing')
    const file = [
      'format: tollgate/v1',
      'apis:',
      '  - slug: first',
      '    name: First',
      '    plans: [{ name: Free }]',
      '  - slug: second',
      '    name: Second',
      '    versions:',
      `      - { version: v1, upstreamUrl: "${setup.upstreamUrl}", openapi: "openapi: 3.1.0\\ninfo: {}" }`,
    ].join('\n')
    const response = await post('apply', team, token, file)
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as { detail: string; errors: Record<string, string[]> }
    expect(problem.detail).toMatch(/^Nothing was applied: apis\.1\.versions\.0/)
    expect(Object.keys(problem.errors).every((path) => path.startsWith('apis.1.versions.0'))).toBe(true)
    expect(await stateOf(team.id)).toEqual({ apis: [], versions: [], plans: [], audit: 0 })
  })

  test('a change to a published contract is refused with 409 naming it, and nothing else is applied', async () => {
    const source = await seedSource()
    const file = await exportConfig(source.team, source.token)
    await db.apiVersion.updateMany({
      where: { teamId: source.team.id, version: 'v1', api: { slug: 'orders' } },
      data: { state: 'PUBLISHED', publishedAt: new Date() },
    })
    const changed = file
      .replace('title: Orders', 'title: Orders, renamed')
      .replace('plans: []', 'plans: [{ name: Hobby }]')
    expect(changed).not.toBe(file)
    const before = await stateOf(source.team.id)
    const response = await post('apply', source.team, source.token, changed)
    expect(response.status, await response.clone().text()).toBe(409)
    const problem = (await response.json()) as { code: string; detail: string; errors: Record<string, string[]> }
    expect(problem.code).toBe('config_conflict')
    expect(problem.detail).toContain('orders v1')
    expect(Object.keys(problem.errors)).toEqual(['orders v1'])
    expect(await stateOf(source.team.id)).toEqual(before)
  })
})

describe('bad files', () => {
  test.each([
    ['not YAML', 'apis: [unclosed', ['_']],
    ['no format line', 'apis: []', ['format']],
    [
      'fields that fail the console’s rules, each at its path',
      'format: tollgate/v1\napis:\n  - slug: Not A Slug\n    name: x\n    plans: [{ name: Pro, pricePerCall: "-1" }]',
      ['apis.0.slug', 'apis.0.name', 'apis.0.plans.0.pricePerCall'],
    ],
    ['an unknown field', 'format: tollgate/v1\napis:\n  - { slug: ok-api, name: Okay, colour: red }', ['apis.0']],
    [
      'one API twice',
      'format: tollgate/v1\napis:\n  - { slug: twice, name: Twice }\n  - { slug: twice, name: Again }',
      ['apis.1.slug'],
    ],
  ])('%s: 400 problem+json with the paths, and nothing applied', async (_label, file, paths) => {
    const { team, token } = await teamWithToken('bad')
    for (const what of ['diff', 'apply'] as const) {
      const response = await post(what, team, token, file)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const problem = (await response.json()) as { code: string; errors: Record<string, string[]> }
      expect(problem.code).toBe('invalid_config')
      expect(Object.keys(problem.errors).sort()).toEqual([...paths].sort())
    }
    expect(await stateOf(team.id)).toEqual({ apis: [], versions: [], plans: [], audit: 0 })
  })

  test('a file with AI settings needs the token’s ai grant', async () => {
    const file =
      'format: tollgate/v1\nai:\n  providers: [{ name: local, kind: OLLAMA, baseUrl: "http://127.0.0.1:11434" }]'
    const plain = await teamWithToken('no-ai')
    expect((await post('diff', plain.team, plain.token, file)).status).toBe(403)
    const withAi = await teamWithToken('with-ai', { grantAi: true })
    const diff = (await (await post('diff', withAi.team, withAi.token, file)).json()) as Diff
    expect(diff.changes).toEqual([{ resource: 'ai_provider', name: 'local', change: 'create' }])
  })
})
