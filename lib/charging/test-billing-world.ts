import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'undici'
import type { PaymentMethodStatus } from '@/generated/sqlite/enums'
import { postLedgerEntry } from '../billing/post-ledger-entry'
import type { Db } from '../db'
import { publishConfigChange } from '../config-events/publish-config-change'
import { createApi, createKey } from '../gateway/test-fixtures'
import { createId } from '../ids'
import { createTestTeam } from '../testing/create-test-team'

// The world the billing tests share: Acme sells "weather" on a paid plan (1,000 micro-units, i.e.
// 0.001 USD, per call) through a real upstream; Initech buys it. Each test funds Initech's account
// the way the console does: ledger entries, so balance = sum of entries.

export const PRICE = 1_000n

/** A real upstream: /ok (after 20 ms, so concurrent calls overlap), /fail (500), /hang (never answers), /pay (its own 402). */
export async function startBillingUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/hang')) return
    if (req.url?.startsWith('/fail'))
      return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}')
    if (req.url?.startsWith('/pay')) {
      return void res
        .writeHead(402, { 'content-type': 'application/json', 'cache-control': 'max-age=600' })
        .end('{"error":"upstream wants money"}')
    }
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 20)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export async function seedBillingWorld(db: Db, upstreamUrl: string, plan: { freeCallsPerMonth?: number } = {}) {
  const acme = await createTestTeam({ label: 'acme' }, db)
  const initech = await createTestTeam({ label: 'initech', billingAccount: { paymentMethodStatus: 'VALID' } }, db)
  const weather = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: initech.id,
    slug: 'weather',
    versions: [
      { version: 'v1', state: 'PUBLISHED', upstreamUrl, timeoutMs: 500 },
      { version: 'v0', state: 'RETIRED', upstreamUrl },
    ],
  })
  await db.plan.update({
    where: { id: weather.plan.id },
    data: {
      paid: true,
      pricePerCallMicros: PRICE,
      freeCallsPerMonth: plan.freeCallsPerMonth ?? 0,
      name: 'Pay as you go',
    },
  })
  const limited = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: initech.id,
    slug: 'limited',
    rateLimit: 1,
    rateWindow: 'MINUTE',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl }],
  })
  await db.plan.update({ where: { id: limited.plan.id }, data: { paid: true, pricePerCallMicros: PRICE } })
  const key = await createKey(db, initech.id)
  await publishConfigChange(db)
  return { acme, initech, weather, limited, key, path: (suffix: string) => `/gw/${acme.slug}/weather/v1${suffix}` }
}

export type BillingWorld = Awaited<ReturnType<typeof seedBillingWorld>>

/** Money in through the ledger, as a top-up does; account settings straight onto the row. */
export async function fundAccount(
  db: Db,
  teamId: string,
  topUpMicros: bigint,
  account: {
    creditLimitMicros?: bigint
    monthlyBudgetMicros?: bigint | null
    paymentMethodStatus?: PaymentMethodStatus
  } = {},
): Promise<void> {
  if (topUpMicros > 0n) {
    await db.$transaction((tx) =>
      postLedgerEntry({ teamId, kind: 'TOP_UP', amountMicros: topUpMicros, idempotencyKey: createId('topup') }, tx),
    )
  }
  await db.billingAccount.update({ where: { teamId }, data: account })
  await publishConfigChange(db)
}

export async function call(baseUrl: string, path: string, key: string, headers: Record<string, string> = {}) {
  const res = await request(baseUrl + path, { headers: { authorization: `Bearer ${key}`, ...headers } })
  const text = await res.body.text()
  return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> }
}

/** Ledger truth for a team: the stored balance, the sum of its entries, and its charges. */
export async function ledgerOf(db: Db, teamId: string) {
  const [account, entries, charges] = await Promise.all([
    db.billingAccount.findUniqueOrThrow({ where: { teamId } }),
    db.ledgerEntry.aggregate({ where: { teamId }, _sum: { amountMicros: true } }),
    db.ledgerEntry.aggregate({ where: { teamId, kind: 'CHARGE' }, _sum: { amountMicros: true } }),
  ])
  return {
    balance: account.balanceMicros,
    sumOfEntries: entries._sum.amountMicros ?? 0n,
    charged: -(charges._sum.amountMicros ?? 0n),
  }
}
