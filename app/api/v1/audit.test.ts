import { describe, expect, test } from 'vitest'
import { audited } from '@/lib/audit/audit-context'
import { describeChange } from '@/lib/audit/describe-change'
import { REDACTED, redactSecrets } from '@/lib/audit/redact-secrets'
import { createKey } from '@/lib/keys/create-key'
import { db } from '@/lib/db'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { routeCall, send, setupManagementWorld } from './testing/management-fixture'

// The audit log: every write through /api/v1 (and, through the same `audited`, every console
// action) leaves exactly one entry, secrets redacted, visible to its own team only.

const setup = setupManagementWorld()

type Entry = {
  id: string
  origin: string
  action: string
  actor: { userId: string | null; email: string | null; tokenId: string | null }
  target: { type: string | null; id: string | null }
  before: unknown
  after: Record<string, unknown> | null
  userAgent: string | null
}
type Page = { items: Entry[]; next: string | null }

async function auditPage(team: string, token: string, query = ''): Promise<Page> {
  const call = routeCall('GET', '/teams/{team}/audit', team)
  const response = await send({ ...call, path: `${call.path}${query}` }, token)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as Page
}

describe('an API call', () => {
  test('creating a key writes one entry naming the token, with the key’s value redacted', async () => {
    const { acme, tokens } = setup.world
    const before = await db.auditEntry.count({ where: { teamId: acme.id } })
    const created = await send(routeCall('POST', '/teams/{team}/keys', acme.slug), tokens.write, {
      body: { name: 'audited' },
      headers: { 'user-agent': 'deploy-script/1.0' },
    })
    expect(created.status).toBe(201)
    const key = (await created.json()) as { id: string; value: string }
    expect(await db.auditEntry.count({ where: { teamId: acme.id } })).toBe(before + 1)

    const [entry] = (await auditPage(acme.slug, tokens.read, `?target=${key.id}`)).items
    expect(entry).toMatchObject({
      origin: 'API',
      action: 'POST /keys',
      actor: { email: acme.user.email },
      target: { type: 'key', id: key.id },
      userAgent: 'deploy-script/1.0',
    })
    expect(entry.actor.tokenId).toMatch(/^mtk_/)
    expect(entry.after).toMatchObject({ id: key.id, name: 'audited', value: REDACTED })
    const stored = await db.auditEntry.findMany({ where: { teamId: acme.id } })
    expect(JSON.stringify(stored)).not.toContain(key.value)
  })

  test('a domain function’s own entry replaces the generic one: creating an API is one api.create', async () => {
    const { acme, tokens } = setup.world
    const before = await db.auditEntry.count({ where: { teamId: acme.id } })
    const response = await send(routeCall('POST', '/teams/{team}/apis', acme.slug), tokens.write, {
      body: { name: 'Ledger', slug: 'ledger', tags: 'money' },
    })
    const api = (await response.json()) as { id: string }
    expect(await db.auditEntry.count({ where: { teamId: acme.id } })).toBe(before + 1)
    const [entry] = (await auditPage(acme.slug, tokens.read, '?action=api.')).items
    expect(entry).toMatchObject({
      action: 'api.create',
      target: { type: 'api', id: api.id },
      after: { slug: 'ledger', tags: ['money'] },
    })
  })

  test('a refused write, a read and an idempotent replay write nothing', async () => {
    const { acme, tokens } = setup.world
    const count = () => db.auditEntry.count({ where: { teamId: acme.id } })
    const before = await count()
    await send(routeCall('POST', '/teams/{team}/apis', acme.slug), tokens.write, { body: { name: 'x' } })
    await send(routeCall('GET', '/teams/{team}/apis', acme.slug), tokens.write)
    expect(await count()).toBe(before)
    const replay = { body: { name: 'replayed' }, headers: { 'idempotency-key': 'audit-replay' } }
    await send(routeCall('POST', '/teams/{team}/keys', acme.slug), tokens.write, replay)
    await send(routeCall('POST', '/teams/{team}/keys', acme.slug), tokens.write, replay)
    expect(await count()).toBe(before + 1)
  })
})

describe('who sees it', () => {
  test('another team never sees the entries; its own log pages with a cursor', async () => {
    const { acme, globex, tokens } = setup.world
    const acmeIds = new Set((await auditPage(acme.slug, tokens.read, '?limit=100')).items.map((e) => e.id))
    expect(acmeIds.size).toBeGreaterThan(0)
    const globexToken = (await createManagementToken(globex.scope, { name: 'reader', access: 'read' })).value
    for (let i = 0; i < 3; i++) {
      await send(routeCall('POST', '/teams/{team}/keys', globex.slug), tokens.globex, { body: { name: `g${i}` } })
    }
    const first = await auditPage(globex.slug, globexToken, '?limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.next).toBeTruthy()
    const rest = await auditPage(globex.slug, globexToken, first.next!.slice(first.next!.indexOf('?')))
    const globexIds = [...first.items, ...rest.items].map((e) => e.id)
    expect(new Set(globexIds).size).toBe(globexIds.length)
    expect(globexIds.length).toBeGreaterThanOrEqual(3)
    expect(globexIds.some((id) => acmeIds.has(id))).toBe(false)
  })

  test('a viewer’s token cannot read the log', async () => {
    const call = routeCall('GET', '/teams/{team}/audit', setup.world.acme.slug)
    expect((await send(call, setup.world.tokens.viewerWrite)).status).toBe(403)
  })
})

describe('the console’s path', () => {
  test('an audited console change is one CONSOLE entry with its source, secrets redacted', async () => {
    const { acme } = setup.world
    const source = {
      teamId: acme.id,
      origin: 'CONSOLE' as const,
      actor: { userId: acme.user.id, email: acme.user.email },
      sourceIp: '203.0.113.9',
      userAgent: 'Chromium',
    }
    const input = { name: 'console key' }
    const created = await audited(
      source,
      (result) => describeChange('keys.write', input, result),
      () => createKey(acme.scope, input),
    )
    const row = await db.auditEntry.findFirstOrThrow({ where: { teamId: acme.id, targetId: created.key.id } })
    expect(row).toMatchObject({ origin: 'CONSOLE', action: 'keys.write', targetType: 'key', sourceIp: '203.0.113.9' })
    expect(row.after).not.toContain(created.value)
    expect(JSON.parse(row.after!)).toMatchObject({ value: REDACTED })
  })

  test.each([
    [
      'a created key’s value',
      { key: { id: 'key_1' }, value: 'tg_live_abc' },
      { key: { id: 'key_1' }, value: REDACTED },
    ],
    [
      'secrets by name',
      { apiKey: 'x', webhookSecretEnc: 'y', passwordHash: 'z', keyHint: 'sk-…abcd' },
      { apiKey: REDACTED, webhookSecretEnc: REDACTED, passwordHash: REDACTED, keyHint: 'sk-…abcd' },
    ],
    [
      'a credential under any name',
      { note: 'tgm_0123abcd', other: ['whsec_1234abcd'] },
      { note: REDACTED, other: [REDACTED] },
    ],
    [
      'ids, counts and token limits stay',
      { keyId: 'key_1', tokensPerMinute: 5, maxOutputTokens: 9, prefix: 'tg_live_ab12' },
      { keyId: 'key_1', tokensPerMinute: 5, maxOutputTokens: 9, prefix: 'tg_live_ab12' },
    ],
    ['bigints and dates as text', { price: 2000n, at: new Date(0) }, { price: '2000', at: '1970-01-01T00:00:00.000Z' }],
  ])('redacts %s', (_label, value, expected) => {
    expect(redactSecrets(value)).toEqual(expected)
  })
})
