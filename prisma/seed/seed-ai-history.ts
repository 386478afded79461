import { computeCallCharge } from '@/lib/billing/compute-call-charge'
import { databaseUrl, isPostgresUrl, type Db } from '@/lib/db'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import { createId, randomToken } from '@/lib/ids'
import { PrismaBatchSink } from '@/lib/metering/prisma-batch-sink'
import { DAY_MS, type SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import { createRandom, hourWeight, type Random } from './seed-large-usage-calls'
import type { SeededTeams } from './seed-teams'

// Four weeks of globex → acme/assistant traffic on demo-gpt and demo-claude, so the AI usage
// dashboard and the billing chart by model are not empty on first start: some streamed calls
// (time to first token), a few served by the other model after the first failed (fallbacks),
// some whose usage the tokenizer estimated, and a few provider errors.
//
// The calls go through the gateway's own metering path (the metering program through PrismaBatchSink), one UTC
// day per batch, oldest first: the raw Invocation rows, every rollup, SubscriptionUsage, and one
// CHARGE per day dated at its last call with the balance moved by it, so balances and charges
// never disagree. The history starts no earlier than globex's subscription. Done once: a rollup
// older than three days on this route is the mark (rollups are never pruned, raw rows are).

const CALLS_PER_DAY = 30
const MODELS = [
  { name: 'demo-gpt', share: 0.7, medianMs: 900 },
  { name: 'demo-claude', share: 0.3, medianMs: 1_600 },
] as const

export async function seedAiHistory(db: Db, config: SeedConfig, teams: SeededTeams, counter: SeedCounter) {
  const api = await db.api.findUnique({
    where: { teamId_slug: { teamId: teams.acme.id, slug: 'assistant' } },
    select: {
      id: true,
      versions: { where: { version: 'v1' }, select: { id: true } },
      plans: {
        where: { name: 'Per token' },
        select: { id: true, pricePerMInputMicros: true, pricePerMOutputMicros: true },
      },
    },
  })
  const plan = api?.plans[0]
  const version = api?.versions[0]
  if (!api || !plan || !version) return
  const subscription = await db.subscription.findFirst({
    where: { apiId: api.id, consumerTeamId: teams.globex.id, planId: plan.id, state: 'ACTIVE' },
    select: { id: true, createdAt: true },
  })
  if (!subscription) return
  const now = config.now.getTime()
  const done = await db.aiUsageRollup.findFirst({
    where: { apiId: api.id, consumerTeamId: teams.globex.id, hour: { lt: new Date(now - 3 * DAY_MS) } },
    select: { id: true },
  })
  if (done) return

  const route: DemoRoute = {
    ownerTeamId: teams.acme.id,
    consumerTeamId: teams.globex.id,
    apiId: api.id,
    versionId: version.id,
    subscriptionId: subscription.id,
    planId: plan.id,
    prices: plan,
  }
  const from = Math.max(now - 28 * DAY_MS, subscription.createdAt.getTime())
  const calls = buildAiCalls(createRandom(11_011), route, from, now)
  const sink = new PrismaBatchSink(db, isPostgresUrl(databaseUrl()) ? 'postgres' : 'sqlite')
  for (const day of byUtcDay(calls)) {
    await sink.write(day.map((call) => ({ ...call, id: createId('inv'), leaseInstanceId: null })))
    counter.changed('AI call', day.length)
    // One subscription, one day: one CHARGE when any call cost money.
    counter.changed('ledger entry', day.some((call) => call.costMicros > 0n) ? 1 : 0)
  }
}

type DemoRoute = {
  ownerTeamId: string
  consumerTeamId: string
  apiId: string
  versionId: string
  subscriptionId: string
  planId: string
  prices: { pricePerMInputMicros: bigint; pricePerMOutputMicros: bigint }
}

function byUtcDay(calls: InvocationRecord[]): InvocationRecord[][] {
  const days = new Map<number, InvocationRecord[]>()
  for (const c of calls) {
    const day = c.createdAt - (c.createdAt % DAY_MS)
    days.set(day, [...(days.get(day) ?? []), c])
  }
  return [...days.entries()].sort(([a], [b]) => a - b).map(([, list]) => list)
}

/** The calls of [from, to), hour by hour on the working-day curve, in time order. */
export function buildAiCalls(random: Random, route: DemoRoute, from: number, to: number): InvocationRecord[] {
  const tag = randomToken(6)
  const calls: InvocationRecord[] = []
  const perHour = CALLS_PER_DAY / 24 / 0.55
  for (let hour = from - (from % 3_600_000); hour < to; hour += 3_600_000) {
    const start = Math.max(hour, from)
    const end = Math.min(hour + 3_600_000, to)
    const count = Math.round(perHour * hourWeight(hour) * ((end - start) / 3_600_000) * (0.6 + 0.8 * random()))
    const times = Array.from({ length: count }, () => start + Math.floor(random() * (end - start))).sort(
      (a, b) => a - b,
    )
    for (const at of times) calls.push(aiCall(random, route, at, `req_demoai${tag}${calls.length.toString(36)}`))
  }
  return calls
}

function aiCall(random: Random, route: DemoRoute, at: number, requestId: string): InvocationRecord {
  const model = random() < MODELS[0].share ? MODELS[0] : MODELS[1]
  const other = model === MODELS[0] ? MODELS[1] : MODELS[0]
  const roll = random()
  const failed = roll < 0.015
  const fallback = !failed && roll < 0.045
  const serving = fallback ? other : model
  const streamed = random() < 0.5
  const latencyMs = failed ? 20 + random() * 80 : serving.medianMs * Math.exp(0.5 * (random() + random() - 1) * 2)
  const inputTokens = failed ? 0 : Math.floor(80 + random() * 1_400)
  const outputTokens = failed ? 0 : Math.floor(20 + random() * 580)
  const costMicros = failed
    ? 0n
    : computeCallCharge({
        plan: { paid: true, pricePerCallMicros: 0n, freeCallsPerMonth: 0, ...route.prices },
        callsUsedThisMonth: 0,
        inputTokens,
        outputTokens,
      }).chargeMicros
  return {
    requestId,
    createdAt: at,
    ownerTeamId: route.ownerTeamId,
    consumerTeamId: route.consumerTeamId,
    apiId: route.apiId,
    versionId: route.versionId,
    keyId: null,
    subscriptionId: route.subscriptionId,
    method: 'POST',
    path: '/gw/acme/assistant/v1/chat/completions',
    status: failed ? 502 : 200,
    errorCode: failed ? 'upstream_unreachable' : null,
    latencyMs: Math.round(latencyMs * 100) / 100,
    upstreamMs: failed ? null : Math.round((latencyMs - 1) * 100) / 100,
    requestBytes: Math.floor(300 + random() * 4_000),
    responseBytes: failed ? 200 : Math.floor(400 + random() * 3_000),
    inputTokens,
    outputTokens,
    costMicros,
    incidentId: null,
    planId: route.planId,
    billable: !failed,
    blockedMicros: 0n,
    chargeLabel: failed ? null : 'acme/assistant v1',
    model: model.name,
    provider: failed ? null : serving.name,
    usageEstimated: !failed && random() < 0.08,
    attempts: failed ? 2 : fallback ? 2 : 1,
    ttftMs: !failed && streamed ? Math.round(latencyMs * (0.15 + 0.25 * random())) : null,
  }
}
