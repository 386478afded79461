// Rows for the catalog's integration tests, written with db.* directly so the tests depend on
// nothing but the schema. Teams come from createTestTeam; slugs carry a random suffix, so two runs
// against one database never collide.
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { buildSearchText } from '@/lib/apis/search-text'
import { createTestTeam } from '@/lib/testing/create-test-team'
import type { ApiKind, VersionState, Visibility } from '@/generated/sqlite/enums'

type VersionSpec = { version: string; state: VersionState; sunsetAt?: Date; successor?: string; createdAt?: Date }
type ApiSpec = {
  team: string
  slug: string
  name: string
  description?: string
  tags?: string[]
  kind?: ApiKind
  visibility?: Visibility
  state: VersionState
  versions?: VersionSpec[]
  updatedAt?: Date
}

const OPENAPI = JSON.stringify({ openapi: '3.0.3', info: { title: 'Fixture', version: '1.0.0' }, paths: {} })

export async function createApi(teamId: string, spec: ApiSpec) {
  const tags = spec.tags ?? []
  const api = await db.api.create({
    data: {
      id: createId('api'),
      teamId,
      slug: spec.slug,
      name: spec.name,
      description: spec.description ?? '',
      kind: spec.kind ?? 'REST',
      visibility: spec.visibility ?? 'INTERNAL',
      state: spec.state,
      searchText: buildSearchText(spec.name, spec.description ?? '', tags),
      ...(spec.updatedAt ? { updatedAt: spec.updatedAt } : {}),
      tags: { create: tags.map((tag) => ({ id: createId('tag'), tag })) },
    },
  })
  const ids = new Map<string, string>()
  for (const [i, v] of (spec.versions ?? []).entries()) {
    const row = await db.apiVersion.create({
      data: {
        id: createId('ver'),
        apiId: api.id,
        teamId,
        version: v.version,
        major: Number(v.version.replace(/^v/, '').split('.')[0]) || 1,
        state: v.state,
        openapi: OPENAPI,
        upstreamUrl: 'http://127.0.0.1:9/upstream',
        sunsetAt: v.sunsetAt ?? null,
        createdAt: v.createdAt ?? new Date(Date.UTC(2026, 0, 1 + i)),
      },
    })
    ids.set(v.version, row.id)
    await db.lifecycleEvent.create({
      data: {
        id: createId('evt'),
        apiId: api.id,
        versionId: row.id,
        teamId,
        action: 'create',
        toState: 'DRAFT',
        actorEmail: 'owner@example.com',
      },
    })
  }
  for (const v of spec.versions ?? []) {
    if (v.successor)
      await db.apiVersion.update({ where: { id: ids.get(v.version)! }, data: { successorId: ids.get(v.successor)! } })
  }
  return { ...api, versionIds: ids }
}

/**
 * Teams: `viewer` (the signed-in user's team), `other` and `ai` (publish to the catalog), `bulk`
 * (23 APIs for paging and sorting) and `hidden` (only a PRIVATE API). `unique` is a word that
 * appears in every fixture API's description, so searches ignore rows other tests wrote.
 */
export async function seedCatalogFixture() {
  const unique = `fx${randomToken(8)}`
  const [viewer, other, ai, bulk, hidden] = await Promise.all(
    ['viewer', 'other', 'ai', 'bulk', 'hidden'].map((key) =>
      createTestTeam({ label: key, contactEmail: `${key}@example.com` }),
    ),
  )
  const d = (text: string) => `${text} ${unique}`

  const payments = await createApi(other.id, {
    team: 'other',
    slug: 'payments',
    name: 'Payments Gateway',
    description: d('Card charges and refunds'),
    tags: ['billing', 'money'],
    state: 'PUBLISHED',
    versions: [
      { version: 'v1', state: 'PUBLISHED' },
      { version: 'v2', state: 'DRAFT' },
    ],
  })
  const ledger = await createApi(other.id, {
    team: 'other',
    slug: 'ledger',
    name: 'Ledger Export',
    description: d('Nightly journal dumps with 100% coverage'),
    tags: ['money'],
    state: 'DEPRECATED',
    versions: [
      { version: 'v1', state: 'DEPRECATED', sunsetAt: new Date('2030-01-01T00:00:00Z'), successor: 'v2' },
      { version: 'v2', state: 'DEPRECATED', sunsetAt: new Date('2030-06-01T00:00:00Z') },
    ],
  })
  const chat = await createApi(ai.id, {
    team: 'ai',
    slug: 'chat',
    name: 'Chat Assistant',
    description: d('Answers questions about invoices'),
    tags: ['llm'],
    kind: 'AI_CHAT',
    state: 'PUBLISHED',
    versions: [{ version: 'v1', state: 'PUBLISHED' }],
  })
  const summarizer = await createApi(ai.id, {
    team: 'ai',
    slug: 'summarizer',
    name: 'Prompt Summarizer',
    description: d('Summaries of long text'),
    tags: ['llm', 'text'],
    kind: 'AI_PROMPT',
    state: 'PUBLISHED',
    versions: [
      { version: 'v1', state: 'RETIRED' },
      { version: 'v2', state: 'PUBLISHED' },
      { version: 'v3', state: 'DRAFT' },
    ],
  })
  const payroll = await createApi(other.id, {
    team: 'other',
    slug: 'payroll',
    name: 'Secret Payroll',
    description: d('Salaries'),
    tags: ['confidential'],
    visibility: 'PRIVATE',
    state: 'PUBLISHED',
    versions: [{ version: 'v1', state: 'PUBLISHED' }],
  })
  const ownPrivate = await createApi(viewer.id, {
    team: 'viewer',
    slug: 'tooling',
    name: 'Own Private Tooling',
    description: d('Internal build hooks'),
    tags: ['ops'],
    visibility: 'PRIVATE',
    state: 'PUBLISHED',
    versions: [{ version: 'v1', state: 'PUBLISHED' }],
  })
  const ownDraft = await createApi(viewer.id, {
    team: 'viewer',
    slug: 'wip',
    name: 'Work In Progress',
    description: d('Not ready'),
    state: 'DRAFT',
    versions: [{ version: 'v1', state: 'DRAFT' }],
  })
  const draftOnly = await createApi(ai.id, {
    team: 'ai',
    slug: 'draft-only',
    name: 'Draft Only',
    description: d('Unreleased'),
    tags: ['draft-tag'],
    state: 'DRAFT',
    versions: [{ version: 'v1', state: 'DRAFT' }],
  })
  const retired = await createApi(ai.id, {
    team: 'ai',
    slug: 'retired',
    name: 'Retired Thing',
    description: d('Gone'),
    tags: ['retired-tag'],
    state: 'RETIRED',
    versions: [{ version: 'v1', state: 'RETIRED' }],
  })
  await createApi(hidden.id, {
    team: 'hidden',
    slug: 'vault',
    name: 'Hidden Vault',
    description: d('Private only'),
    tags: ['vault-tag'],
    visibility: 'PRIVATE',
    state: 'PUBLISHED',
    versions: [{ version: 'v1', state: 'PUBLISHED' }],
  })
  const base = Date.UTC(2026, 2, 1)
  for (let i = 1; i <= 23; i++) {
    const n = String(i).padStart(2, '0')
    await createApi(bulk.id, {
      team: 'bulk',
      slug: `bulk-${n}`,
      name: `Bulk ${n}`,
      description: d('Filler'),
      state: 'PUBLISHED',
      // Later numbers are updated later, so "recently updated" reverses the name order.
      updatedAt: new Date(base + i * 60_000),
      versions: [{ version: 'v1', state: 'PUBLISHED' }],
    })
  }

  return {
    unique,
    teams: { viewer, other, ai, bulk, hidden },
    apis: { payments, ledger, chat, summarizer, payroll, ownPrivate, ownDraft, draftOnly, retired },
  }
}

export type CatalogFixture = Awaited<ReturnType<typeof seedCatalogFixture>>
