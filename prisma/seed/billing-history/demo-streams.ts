import type { Db } from '@/lib/db'
import type { PaymentEpisode } from '../payment-episodes'
import { daysAgo, type SeedConfig } from '../seed-config'
import { createRandom, type ApiProfile, type CallRoute } from '../seed-large-usage-calls'
import type { SeededTeams } from '../seed-teams'
import type { StreamEpisode } from './build-stream-calls'
import { contractOperations } from './contract-operations'
import { loadHistoryKeys } from './history-keys'
import { planHourlyCalls, scalePaidCalls, splitFreeCalls, fillMonthQuota, type HourSlot } from './hourly-traffic'

// The story the billing and incident pages tell after `npm run seed`, as three streams of calls:
//
// initech → acme/weather (Pay as you go: 0.002 USD a call, 1,000 free a month), since 20 days ago.
//   Tops up 15 USD, which pays for exactly 7,500 calls; 11 days ago at 14:17 UTC the balance is
//   0 and calls are refused (insufficient_balance) for 2h20m until a 20 USD top-up resolves it.
//   Since then it made exactly 9,980 paid calls, so 0.04 USD is left: exactly 20 more calls. This
//   month's free quota is used up, so the next call is paid; the 21st is refused.
// globex → acme/weather on the same plan for 28 days, moving from v1 (deprecated) to v2. Six days
//   ago it hit its monthly budget (budget_exceeded, 95 minutes) until the budget was raised to
//   150 USD. It keeps a healthy balance: 25 USD welcome credit + a 600 USD top-up, minus charges.
// initech → globex/fx-rates: from 4 hours to 20 minutes ago the FX upstream itself answered 402
//   (upstream_payment_required). Nothing initech pays fixes that, so the incident is OPEN and its
//   weather balance is untouched; the gateway resolves it on initech's next successful FX call.

export type DemoStream = {
  /** Names the stream in idempotency keys. */
  key: string
  /** Written in one transaction with everything else of the stream, so its presence means "done". */
  incidentId: string
  consumerTeamId: string
  freeCallsPerMonth: number
  slots: HourSlot[]
  routeAt: (at: number) => CallRoute
  episodes: StreamEpisode[]
  topUps: Array<{ key: string; at: number; amountMicros: bigint; description: string }>
  /** The balance once the stream is written; the last top-up makes up for anything already there. */
  finalBalanceMicros?: bigint
  seed: number
}

const MINUTE = 60_000
const DEMO_PROFILE: ApiProfile = {
  medianMs: 38,
  serverErrorRate: 0,
  clientErrorRate: 0,
  timeoutMs: 30_000,
  outage: null,
}
export const INITECH_CALLS_LEFT = 20n

export async function loadDemoStreams(db: Db, config: SeedConfig, teams: SeededTeams): Promise<DemoStream[]> {
  const now = config.now.getTime()
  const weather = await loadPaidApi(db, teams.acme.id, 'weather')
  const fx = await loadPaidApi(db, teams.globex.id, 'fx-rates')
  const keysByTeam = await loadHistoryKeys(db, teams, { since: daysAgo(config.now, 29, 0), now: config.now })
  // routeAt runs once per seeded call (59k): parse each version's contract once.
  const operationsByVersion = new Map<string, ReturnType<typeof contractOperations>>()
  const operationsOf = (v: { id: string; openapi: string }) => {
    let operations = operationsByVersion.get(v.id)
    if (!operations) operationsByVersion.set(v.id, (operations = contractOperations(v.openapi)))
    return operations
  }
  const route = (api: PaidApi, consumer: keyof SeededTeams, version: string): CallRoute => {
    const v = api.versions.find((candidate) => candidate.version === version)!
    const subscription = api.subscriptions.find((s) => s.consumerTeamId === teams[consumer].id)
    if (!subscription)
      throw new Error(`The demo billing history needs ${consumer} subscribed to ${api.label} on "Pay as you go"`)
    return {
      ownerTeamId: api.teamId,
      consumerTeamId: teams[consumer].id,
      apiId: api.id,
      versionId: v.id,
      basePath: `/gw/${api.label}/${version}`,
      kind: 'REST',
      subscriptionId: subscription.id,
      keyIds: keysByTeam.get(teams[consumer].id) ?? [],
      planId: api.plan.id,
      paid: true,
      freeCallsPerMonth: api.plan.freeCallsPerMonth,
      pricePerCallMicros: api.plan.pricePerCallMicros,
      label: `${api.label} ${version}`,
      weight: 1,
      profile: DEMO_PROFILE,
      // The history calls only what the version's contract defines (no /items on a weather API).
      operations: operationsOf(v),
    }
  }
  const v2Since = weather.versions.find((v) => v.version === 'v2')!.publishedAt!.getTime()
  const price = weather.plan.pricePerCallMicros
  const free = weather.plan.freeCallsPerMonth

  // initech → acme/weather
  const initechFrom = weather.subscriptions.find((s) => s.consumerTeamId === teams.initech.id)!.createdAt.getTime()
  const topUp1 = 15_000_000n
  const topUp2 = 20_000_000n
  const outOfMoney = daysAgo(config.now, 11, 14).getTime()
  const toppedUp = outOfMoney + 140 * MINUTE
  const initechRandom = createRandom(4_242)
  const initechSlots = planHourlyCalls(initechRandom, initechFrom + 30 * MINUTE, now, 900, [[outOfMoney, toppedUp]])
  fillMonthQuota(initechSlots, now, free)
  splitFreeCalls(initechSlots, free)
  // Exactly what each top-up pays for: the first runs out at `outOfMoney`, the second leaves 20 calls.
  scalePaidCalls(initechSlots, initechFrom, outOfMoney, Number(topUp1 / price))
  scalePaidCalls(initechSlots, toppedUp, now + 1, Number((topUp2 - INITECH_CALLS_LEFT * price) / price))
  const initechV2 = v2Since + 2 * 60 * MINUTE

  // globex → acme/weather
  const globexFrom = now - 28 * 24 * 60 * MINUTE
  const overBudget = daysAgo(config.now, 6, 15).getTime()
  const budgetRaised = overBudget + 95 * MINUTE
  const globexRandom = createRandom(5_454)
  const globexSlots = planHourlyCalls(globexRandom, globexFrom, now, 1_400, [[overBudget, budgetRaised]])
  fillMonthQuota(globexSlots, now, free)
  splitFreeCalls(globexSlots, free)
  // After v2 ships, globex moves over gradually: a fifth of its calls at first, four fifths by now.
  const v2Share = (at: number) => 0.2 + (0.6 * (at - v2Since)) / Math.max(1, now - v2Since)

  const episode = (
    incidentId: string,
    cause: PaymentEpisode['cause'],
    start: number,
    end: number,
    resolution: string | null,
    resolvedById: string | null,
  ): PaymentEpisode => ({ incidentId, cause, start, end, open: resolution === null, resolution, resolvedById })

  return [
    {
      key: 'initech-weather',
      incidentId: 'pi_demo_initech_weather',
      consumerTeamId: teams.initech.id,
      freeCallsPerMonth: free,
      seed: 1,
      slots: initechSlots,
      routeAt: (at) => route(weather, 'initech', at < initechV2 ? 'v1' : 'v2'),
      episodes: [
        {
          episode: episode(
            'pi_demo_initech_weather',
            'insufficient_balance',
            outOfMoney,
            toppedUp,
            'Resolved automatically: top-up of $20.00',
            teams.initech.users.owner.id,
          ),
          blocked: 21,
          route: route(weather, 'initech', outOfMoney < initechV2 ? 'v1' : 'v2'),
        },
      ],
      topUps: [
        {
          key: 'seed:top-up:initech:1',
          at: initechFrom + 5 * MINUTE,
          amountMicros: topUp1,
          description: 'Top-up (Visa •••• 4242)',
        },
        { key: 'seed:top-up:initech:2', at: toppedUp, amountMicros: topUp2, description: 'Top-up (Visa •••• 4242)' },
      ],
      finalBalanceMicros: INITECH_CALLS_LEFT * price,
    },
    {
      key: 'globex-weather',
      incidentId: 'pi_demo_globex_weather',
      consumerTeamId: teams.globex.id,
      freeCallsPerMonth: free,
      seed: 2,
      slots: globexSlots,
      routeAt: (at) => route(weather, 'globex', at >= v2Since && globexRandom() < v2Share(at) ? 'v2' : 'v1'),
      episodes: [
        {
          episode: episode(
            'pi_demo_globex_weather',
            'budget_exceeded',
            overBudget,
            budgetRaised,
            'Resolved automatically: monthly budget raised to $150.00',
            teams.globex.users.owner.id,
          ),
          blocked: 16,
          route: route(weather, 'globex', overBudget >= v2Since ? 'v2' : 'v1'),
        },
      ],
      topUps: [
        {
          key: 'seed:top-up:globex:1',
          at: globexFrom - 60 * MINUTE,
          amountMicros: 600_000_000n,
          description: 'Top-up (Mastercard •••• 5454)',
        },
      ],
    },
    {
      key: 'initech-fx',
      incidentId: 'pi_demo_initech_fx',
      consumerTeamId: teams.initech.id,
      freeCallsPerMonth: fx.plan.freeCallsPerMonth,
      seed: 3,
      slots: [],
      routeAt: () => route(fx, 'initech', 'v1'),
      episodes: [
        {
          episode: episode(
            'pi_demo_initech_fx',
            'upstream_payment_required',
            now - 240 * MINUTE,
            now - 20 * MINUTE,
            null,
            null,
          ),
          blocked: 9,
          route: route(fx, 'initech', 'v1'),
        },
      ],
      topUps: [],
    },
  ]
}

type PaidApi = Awaited<ReturnType<typeof loadPaidApi>>

/** An API with its versions, its "Pay as you go" plan and that plan's subscriptions. */
async function loadPaidApi(db: Db, teamId: string, slug: string) {
  const api = await db.api.findUniqueOrThrow({
    where: { teamId_slug: { teamId, slug } },
    select: {
      id: true,
      teamId: true,
      slug: true,
      team: { select: { slug: true } },
      versions: { select: { id: true, version: true, publishedAt: true, openapi: true } },
      plans: {
        where: { name: 'Pay as you go' },
        select: {
          id: true,
          pricePerCallMicros: true,
          freeCallsPerMonth: true,
          subscriptions: { select: { id: true, consumerTeamId: true, createdAt: true } },
        },
      },
    },
  })
  const plan = api.plans[0]
  if (!plan || plan.pricePerCallMicros <= 0n)
    throw new Error(`The demo billing history needs a paid "Pay as you go" plan on ${api.team.slug}/${slug}`)
  return { ...api, label: `${api.team.slug}/${api.slug}`, plan, subscriptions: plan.subscriptions }
}
