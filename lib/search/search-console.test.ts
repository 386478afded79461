import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createId, randomToken } from '@/lib/ids'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { searchConsole } from './search-console'

// Global search against a real database: Acme owns a private "Orders" API and an internal
// "Weather" API; Globex calls Weather and owns a private "Payroll" API. Each sees its own things
// and the catalog's, never another team's private APIs, keys, calls or incidents.

let cleanup: () => Promise<void>
let acme: TestTeam
let globex: TestTeam
const acmeCall = `req-${randomToken(12)}`
const globexCall = `req-${randomToken(12)}`
let incidentId = ''

const search = (team: TestTeam, q: string) => searchConsole({ teamId: team.id, userId: team.user.id }, { q })

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  acme = await createTestTeam({ label: 'acme' })
  globex = await createTestTeam({ label: 'globex' })
  const api = (teamId: string, slug: string, name: string, visibility: 'INTERNAL' | 'PRIVATE') =>
    db.api.create({
      data: { id: createId('api'), teamId, slug, name, visibility, state: 'PUBLISHED', searchText: name.toLowerCase() },
    })
  const orders = await api(acme.id, 'orders', 'Orders', 'PRIVATE')
  const weather = await api(acme.id, 'weather', 'Weather', 'INTERNAL')
  await api(globex.id, 'payroll', 'Payroll', 'PRIVATE')
  await db.apiVersion.create({
    data: {
      id: createId('ver'),
      apiId: weather.id,
      teamId: acme.id,
      version: 'v2',
      major: 2,
      openapi: '{}',
      upstreamUrl: 'http://x',
    },
  })
  await db.apiKey.createMany({
    data: [
      { id: createId('key'), teamId: acme.id, name: 'Acme CI', prefix: 'tg_live_acme01', hash: randomToken(40) },
      { id: createId('key'), teamId: globex.id, name: 'Globex CI', prefix: 'tg_live_glob01', hash: randomToken(40) },
    ],
  })
  const call = (requestId: string, ownerTeamId: string, consumerTeamId: string, apiId: string) => ({
    id: createId('inv'),
    requestId,
    ownerTeamId,
    consumerTeamId,
    apiId,
    method: 'GET',
    path: '/gw/x/y/v1',
    status: 200,
    latencyMs: 1,
  })
  await db.invocation.createMany({
    data: [call(acmeCall, acme.id, acme.id, orders.id), call(globexCall, acme.id, globex.id, weather.id)],
  })
  incidentId = createId('inc')
  await db.paymentIncident.create({
    data: {
      id: incidentId,
      consumerTeamId: globex.id,
      ownerTeamId: acme.id,
      apiId: weather.id,
      cause: 'insufficient_balance',
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
    },
  })
})

afterAll(async () => cleanup?.())

test("[SEARCH] an API by name: your own links to its page, another team's INTERNAL one to the catalog", async () => {
  const acmeHits = await search(acme, 'WEATH')
  expect(acmeHits.filter((h) => h.kind === 'api').map((h) => h.href)).toEqual([`/t/${acme.slug}/apis/weather`])
  expect(acmeHits.find((h) => h.kind === 'version')).toMatchObject({ label: 'Weather v2' })
  const globexHits = await search(globex, 'weather')
  expect(globexHits.filter((h) => h.kind === 'api').map((h) => h.href)).toEqual([`/catalog/${acme.slug}/weather`])
  // Versions are the owner's to manage: Globex sees the API in the catalog, not its versions here.
  expect(globexHits.some((h) => h.kind === 'version')).toBe(false)
})

test('[SEARCH] private APIs, keys and calls of another team are never found', async () => {
  expect((await search(globex, 'orders')).some((h) => h.kind === 'api')).toBe(false)
  expect((await search(acme, 'payroll')).some((h) => h.kind === 'api')).toBe(false)
  expect(await search(acme, 'tg_live_glob')).toEqual([])
  expect(await search(globex, acmeCall)).toEqual([])
})

test('[SEARCH] keys by prefix, calls by request id (both sides of the call), incidents by id', async () => {
  expect(await search(acme, 'tg_live_acme')).toEqual([
    { kind: 'key', label: 'tg_live_acme01…', detail: 'Acme CI', href: `/t/${acme.slug}/keys` },
  ])
  const [ownerHit] = await search(acme, globexCall)
  const [consumerHit] = await search(globex, globexCall)
  expect(ownerHit).toMatchObject({ kind: 'call', label: globexCall })
  expect(ownerHit.href).toMatch(new RegExp(`^/t/${acme.slug}/calls/inv_`))
  expect(consumerHit.href).toMatch(new RegExp(`^/t/${globex.slug}/calls/inv_`))
  expect(await search(globex, incidentId)).toEqual([
    expect.objectContaining({ kind: 'incident', href: `/t/${globex.slug}/incidents/${incidentId}` }),
  ])
})

test("[SEARCH] the user's own teams by name; an empty query finds nothing", async () => {
  expect((await search(acme, acme.name.slice(0, 6))).filter((h) => h.kind === 'team')).toEqual([
    expect.objectContaining({ label: acme.name, href: `/t/${acme.slug}` }),
  ])
  expect((await search(acme, globex.name)).some((h) => h.kind === 'team')).toBe(false)
  expect(await search(acme, '   ')).toEqual([])
})

test("[SEARCH] outside a team: all of the user's teams, each hit labelled with its team, nothing of others", async () => {
  // Acme's user also belongs to Initech, which owns a private "Invoices" API and a key of its own.
  const initech = await createTestTeam({ label: 'initech' })
  await db.membership.create({
    data: { id: createId('mem'), userId: acme.user.id, teamId: initech.id, role: 'VIEWER' },
  })
  await db.api.create({
    data: {
      id: createId('api'),
      teamId: initech.id,
      slug: 'invoices',
      name: 'Invoices',
      visibility: 'PRIVATE',
      state: 'PUBLISHED',
      searchText: 'invoices',
    },
  })
  await db.apiKey.create({
    data: {
      id: createId('key'),
      teamId: initech.id,
      name: 'Initech CI',
      prefix: 'tg_live_init01',
      hash: randomToken(40),
    },
  })
  const everywhere = (q: string) => searchConsole({ userId: acme.user.id }, { q })

  expect((await everywhere('invoices')).filter((h) => h.kind === 'api')).toEqual([
    {
      kind: 'api',
      label: 'Invoices',
      detail: 'invoices · your API',
      href: `/t/${initech.slug}/apis/invoices`,
      team: initech.name,
    },
  ])
  expect(await everywhere('tg_live_')).toEqual([
    {
      kind: 'key',
      label: 'tg_live_init01…',
      detail: 'Initech CI',
      href: `/t/${initech.slug}/keys`,
      team: initech.name,
    },
    { kind: 'key', label: 'tg_live_acme01…', detail: 'Acme CI', href: `/t/${acme.slug}/keys`, team: acme.name },
  ])
  const [call] = await everywhere(globexCall)
  expect(call).toMatchObject({ kind: 'call', label: globexCall, detail: 'GET /gw/x/y/v1 · 200', team: acme.name })
  expect(call.href).toMatch(new RegExp(`^/t/${acme.slug}/calls/inv_`))
  expect(await everywhere(incidentId)).toEqual([
    expect.objectContaining({ kind: 'incident', href: `/t/${acme.slug}/incidents/${incidentId}` }),
  ])
  // From Acme's pages, only Acme's keys: a team page searches its own team.
  expect((await search(acme, 'tg_live_')).map((h) => h.label)).toEqual(['tg_live_acme01…'])
  // Globex's user, in Globex alone, finds nothing of Acme's or Initech's private things.
  const globexEverywhere = (q: string) => searchConsole({ userId: globex.user.id }, { q })
  expect(await globexEverywhere('invoices')).toEqual([])
  expect(await globexEverywhere('tg_live_')).toEqual([
    { kind: 'key', label: 'tg_live_glob01…', detail: 'Globex CI', href: `/t/${globex.slug}/keys`, team: globex.name },
  ])
  expect(await globexEverywhere(acmeCall)).toEqual([])
})
