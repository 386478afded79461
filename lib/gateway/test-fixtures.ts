import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Db } from '../db'
import { createId } from '../ids'
import { generateKeyValue, hashKey, keyDisplayPrefix } from '../credentials/key-format'
import { createGateway, type Gateway, type GatewayOptions } from '../../server/create-gateway'

// Test helpers for the gateway: the rows a call needs (APIs in every lifecycle state, plans,
// subscriptions, keys) and a listening gateway. The database comes from setupTestDatabase() (or
// createScratchDatabase()), the teams from createTestTeam() (lib/testing).

export async function createKey(
  db: Db,
  teamId: string,
  data: { expiresAt?: Date; revokedAt?: Date; graceEndsAt?: Date; subscriptionIds?: string[] } = {},
): Promise<{ id: string; value: string }> {
  const value = generateKeyValue('test')
  const id = createId('key')
  await db.apiKey.create({
    data: {
      id,
      teamId,
      name: 'test key',
      env: 'test',
      prefix: keyDisplayPrefix(value),
      hash: hashKey(value),
      expiresAt: data.expiresAt,
      revokedAt: data.revokedAt,
      graceEndsAt: data.graceEndsAt,
      subscriptions: data.subscriptionIds
        ? { create: data.subscriptionIds.map((subscriptionId) => ({ id: createId('aks'), subscriptionId })) }
        : undefined,
    },
  })
  return { id, value }
}

type VersionSeed = {
  version: string
  state: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED'
  upstreamUrl: string
  timeoutMs?: number
  deprecatedAt?: Date
  sunsetAt?: Date
  successor?: string
}

/** An API with its versions, one plan and an ACTIVE subscription for the consumer team. */
export async function createApi(
  db: Db,
  input: {
    ownerTeamId: string
    consumerTeamId: string
    slug: string
    versions: VersionSeed[]
    rateLimit?: number
    rateWindow?: 'SECOND' | 'MINUTE'
  },
) {
  const api = await db.api.create({
    data: { id: createId('api'), teamId: input.ownerTeamId, slug: input.slug, name: input.slug, state: 'PUBLISHED' },
  })
  const ids = new Map<string, string>()
  for (const v of input.versions) ids.set(v.version, createId('ver'))
  for (const v of input.versions) {
    await db.apiVersion.create({
      data: {
        id: ids.get(v.version)!,
        apiId: api.id,
        teamId: input.ownerTeamId,
        version: v.version,
        major: Number(v.version.replace(/\D/g, '')) || 0,
        state: v.state,
        openapi: '{"openapi":"3.1.0"}',
        upstreamUrl: v.upstreamUrl,
        timeoutMs: v.timeoutMs ?? 30_000,
        deprecatedAt: v.deprecatedAt,
        sunsetAt: v.sunsetAt,
        successorId: v.successor ? ids.get(v.successor) : undefined,
      },
    })
  }
  const plan = await db.plan.create({
    data: {
      id: createId('plan'),
      apiId: api.id,
      teamId: input.ownerTeamId,
      name: 'Standard',
      rateLimit: input.rateLimit,
      rateWindow: input.rateWindow ?? 'MINUTE',
    },
  })
  const subscription = await db.subscription.create({
    data: {
      id: createId('sub'),
      apiId: api.id,
      planId: plan.id,
      ownerTeamId: input.ownerTeamId,
      consumerTeamId: input.consumerTeamId,
      state: 'ACTIVE',
    },
  })
  return { api, plan, subscription, versionIds: ids }
}

export type TestGateway = { gateway: Gateway; url: string; close(flushTimeoutMs?: number): Promise<void> }

export async function startTestGateway(options: GatewayOptions): Promise<TestGateway> {
  const gateway = createGateway({ flushMs: 50, ...options })
  await gateway.start()
  const server: Server = createServer((req, res) => gateway.handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    gateway,
    url: `http://127.0.0.1:${port}`,
    async close(flushTimeoutMs?: number) {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await gateway.stop(flushTimeoutMs)
    },
  }
}

/** A port nothing listens on: bind one, then release it. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs: number,
  stepMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, stepMs))
  }
}
