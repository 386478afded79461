import { describe, expect, test } from 'vitest'
import { AUDIT_ACTIONS, MANAGEMENT_AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/audit-actions'
import { audited } from '@/lib/audit/audit-context'
import { describeAs } from '@/lib/audit/describe-change'
import { REDACTED } from '@/lib/audit/redact-secrets'
import { createKey } from '@/lib/keys/create-key'
import { revokeKey } from '@/lib/keys/revoke-key'
import { getPublishChecks } from '@/lib/lifecycle/get-publish-checks'
import { db } from '@/lib/db'
import { createManagementToken } from '@/lib/management-tokens/create-management-token'
import { MANAGEMENT_ROUTES } from './route-list'
import { routeCall, send, setupManagementWorld } from './testing/management-fixture'

// The audit log: every write through /api/v1 (and, through the same `audited`, every console
// action) leaves exactly one entry, secrets redacted, visible to its own team only, named by what
// changed (key.create, key.revoke…) the same way whichever door the change came through.

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
      action: 'key.create',
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

describe('one name per change, whichever door', () => {
  // The console's door as teamAction runs it: its CONSOLE source, `audited`, and `describeAs`
  // with the action's name; the handlers return what the console's actions return.
  const consoleChange = <T>(audit: AuditAction | false, input: unknown, change: () => Promise<T>) => {
    const { acme } = setup.world
    const source = {
      teamId: acme.id,
      origin: 'CONSOLE' as const,
      actor: { userId: acme.user.id, email: acme.user.email },
      sourceIp: '203.0.113.9',
      userAgent: 'Chromium',
    }
    return audited(source, describeAs(audit, input, acme.id), change)
  }
  const newEntries = async (change: () => Promise<unknown>) => {
    const teamId = setup.world.acme.id
    const since = await db.auditEntry.findMany({ where: { teamId }, select: { id: true } })
    await change()
    const known = new Set(since.map((row) => row.id))
    return (await db.auditEntry.findMany({ where: { teamId } })).filter((row) => !known.has(row.id))
  }

  test('creating a key: one key.create naming the new key, from the console and from the API', async () => {
    const { acme, tokens } = setup.world
    let consoleKey: { id: string; value: string } | undefined
    const fromConsole = await newEntries(async () => {
      consoleKey = await consoleChange('key.create', { name: 'console key' }, async () => {
        const { key, value } = await createKey(acme.scope, { name: 'console key' })
        return { id: key.id, value, name: key.name, prefix: key.prefix }
      })
    })
    expect(fromConsole).toMatchObject([
      { origin: 'CONSOLE', action: 'key.create', targetType: 'key', targetId: consoleKey!.id, sourceIp: '203.0.113.9' },
    ])
    expect(fromConsole[0].after).not.toContain(consoleKey!.value)
    expect(JSON.parse(fromConsole[0].after!)).toMatchObject({ name: 'console key', value: REDACTED })

    let apiKey: { id: string } | undefined
    const fromApi = await newEntries(async () => {
      const response = await send(routeCall('POST', '/teams/{team}/keys', acme.slug), tokens.write, {
        body: { name: 'api key' },
      })
      apiKey = (await response.json()) as { id: string }
    })
    expect(fromApi).toMatchObject([{ origin: 'API', action: 'key.create', targetType: 'key', targetId: apiKey!.id }])
  })

  test('revoking a key: one key.revoke naming it, from the console and from the API', async () => {
    const { acme, tokens } = setup.world
    const first = (await createKey(acme.scope, { name: 'to revoke in the console' })).key
    const fromConsole = await newEntries(() =>
      consoleChange('key.revoke', { keyId: first.id }, async () => {
        await revokeKey(acme.scope, { keyId: first.id })
        return undefined
      }),
    )
    expect(fromConsole).toMatchObject([
      { origin: 'CONSOLE', action: 'key.revoke', targetType: 'key', targetId: first.id },
    ])

    const second = (await createKey(acme.scope, { name: 'to revoke by API' })).key
    const fromApi = await newEntries(async () => {
      const call = routeCall('POST', '/teams/{team}/keys/{key}/revoke', acme.slug, { key: second.id })
      expect((await send(call, tokens.write)).status).toBe(200)
    })
    expect(fromApi).toMatchObject([{ origin: 'API', action: 'key.revoke', targetType: 'key', targetId: second.id }])
    const [entry] = (await auditPage(acme.slug, tokens.read, `?action=key.revoke&target=${second.id}`)).items
    expect(entry).toMatchObject({ action: 'key.revoke', target: { type: 'key', id: second.id } })
  })

  test('creating a management token (a console-only change): one management_token.create naming it', async () => {
    const { acme } = setup.world
    const input = { name: 'pipeline', access: 'write' as const }
    let created: { id: string; value: string } | undefined
    const entries = await newEntries(async () => {
      created = await consoleChange('management_token.create', input, async () => {
        const { token, value } = await createManagementToken(acme.scope, input)
        return { id: token.id, value, name: token.name, prefix: token.prefix }
      })
    })
    expect(created!.id).toMatch(/^mtk_/)
    expect(entries).toMatchObject([
      { origin: 'CONSOLE', action: 'management_token.create', targetType: 'management_token', targetId: created!.id },
    ])
    expect(entries[0].after).not.toContain(created!.value)
  })

  test('an action that changes nothing writes no entry, from the console or the API', async () => {
    const { acme, tokens } = setup.world
    const version = await db.apiVersion.findFirstOrThrow({ where: { teamId: acme.id, version: 'v1' } })
    const entries = await newEntries(async () => {
      const checks = await consoleChange(false, { versionId: version.id }, () =>
        getPublishChecks(acme.scope, { versionId: version.id }),
      )
      expect(checks).toBeTruthy()
      const file = await (await send(routeCall('GET', '/teams/{team}/config', acme.slug), tokens.write)).text()
      const diff = await send(routeCall('POST', '/teams/{team}/config/diff', acme.slug), tokens.write, { body: file })
      expect(diff.status, await diff.clone().text()).toBe(200)
    })
    expect(entries).toEqual([])
  })

  test('every /api/v1 write has a noun.verb name from the vocabulary', () => {
    const writes = MANAGEMENT_ROUTES.filter((route) => route.method !== 'GET')
    const named = writes.map((route) => {
      const name = MANAGEMENT_AUDIT_ACTIONS[`${route.method} ${route.path.replace('/api/v1/teams/{team}', '')}`]
      return [`${route.method} ${route.path}`, name === false || AUDIT_ACTIONS.includes(name!)]
    })
    expect(named.filter(([, known]) => !known)).toEqual([])
    expect(Object.keys(MANAGEMENT_AUDIT_ACTIONS)).toHaveLength(writes.length)
  })
})
