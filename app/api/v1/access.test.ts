import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { MANAGEMENT_ROUTES } from './route-list'
import { allCalls, problemOf, send, setupManagementWorld } from './testing/management-fixture'

// Who may call what, over EVERY route of the official list, through the real route handlers and a
// real database: another team's token, a read token, a viewer's write token, no token.

const setup = setupManagementWorld()

// Enough for every write's own validation to pass, so a refusal is about who calls, not the body.
const PLAUSIBLE_BODY = { reason: 'Checked by the access test' }

const labels = MANAGEMENT_ROUTES.map((r, index) => [`${r.method} ${r.path}`, index] as const)
const writeLabels = labels.filter(([label]) => !label.startsWith('GET '))

/** Row counts of everything a write could touch, to prove a refused call changed nothing. */
async function snapshot() {
  return {
    apis: await db.api.findMany({ select: { id: true, name: true, updatedAt: true } }),
    versions: await db.apiVersion.findMany({ select: { id: true, state: true, updatedAt: true } }),
    plans: await db.plan.findMany({ select: { id: true, archivedAt: true, updatedAt: true } }),
    keys: await db.apiKey.findMany({ select: { id: true, revokedAt: true } }),
    subscriptions: await db.subscription.findMany({ select: { id: true, state: true } }),
    incidents: await db.paymentIncident.findMany({ select: { id: true, state: true } }),
    aiProviders: await db.aiProvider.findMany({ select: { id: true, updatedAt: true } }),
    aiModels: await db.aiModel.findMany({ select: { id: true, updatedAt: true } }),
  }
}

describe('another team', () => {
  test.each(labels)('%s answers 404 to another team’s token', async (_label, index) => {
    const call = allCalls(setup.world.acme.slug, setup.world.ids)[index]
    const before = await snapshot()
    expect(await problemOf(await send(call, setup.world.tokens.initech, { body: PLAUSIBLE_BODY }))).toEqual({
      status: 404,
      code: 'not_found',
      contentType: 'application/problem+json',
    })
    expect(await snapshot()).toEqual(before)
  })

  test.each(labels.filter(([label]) => /\{(api|key|plan|version|subscription|incident|provider|model)\}/.test(label)))(
    '%s answers 404 for acme’s resources under the other team’s own slug',
    async (_label, index) => {
      const call = allCalls(setup.world.initech.slug, setup.world.ids)[index]
      const before = await snapshot()
      const answer = await problemOf(await send(call, setup.world.tokens.initech, { body: PLAUSIBLE_BODY }))
      expect([answer.status, answer.contentType]).toEqual([404, 'application/problem+json'])
      expect(await snapshot()).toEqual(before)
    },
  )
})

describe('scopes and roles', () => {
  test.each(writeLabels)('%s refuses a read-scoped token (403) and changes nothing', async (_label, index) => {
    const call = allCalls(setup.world.acme.slug, setup.world.ids)[index]
    const before = await snapshot()
    expect(await problemOf(await send(call, setup.world.tokens.read, { body: PLAUSIBLE_BODY }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    })
    expect(await snapshot()).toEqual(before)
  })

  test.each(writeLabels)('%s refuses a viewer’s write token (403) and changes nothing', async (_label, index) => {
    const call = allCalls(setup.world.acme.slug, setup.world.ids)[index]
    const before = await snapshot()
    expect(await problemOf(await send(call, setup.world.tokens.viewerWrite, { body: PLAUSIBLE_BODY }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    })
    expect(await snapshot()).toEqual(before)
  })

  test.each(labels)('%s refuses a missing or unknown token with 401', async (_label, index) => {
    const call = allCalls(setup.world.acme.slug, setup.world.ids)[index]
    expect((await problemOf(await send(call, null))).status).toBe(401)
    expect((await problemOf(await send(call, 'tgm_00000000000000000000000000000000'))).status).toBe(401)
  })

  test.each(labels.filter(([label]) => label.startsWith('GET ')))('%s answers a read token', async (_label, index) => {
    const call = allCalls(setup.world.acme.slug, setup.world.ids)[index]
    const response = await send(call, setup.world.tokens.read)
    expect(response.status, await response.clone().text()).toBe(200)
  })
})

describe('the route list', () => {
  const root = path.dirname(fileURLToPath(import.meta.url))
  function routeFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) return routeFiles(full)
      return name === 'route.ts' ? [full] : []
    })
  }

  test('lists every exported handler of every route file under /api/v1/teams, and nothing else', () => {
    const onDisk = routeFiles(path.join(root, 'teams')).flatMap((file) => {
      const template = `/api/v1/${path.relative(root, path.dirname(file)).replace(/\[(\w+)\]/g, '{$1}')}`
      const methods = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)]
      return methods.map((m) => `${m[1]} ${template}`)
    })
    expect(MANAGEMENT_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(onDisk.sort())
  })
})
