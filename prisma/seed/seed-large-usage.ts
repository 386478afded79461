import { databaseUrl, isPostgresUrl, sqliteFilePath, type Db } from '@/lib/db'
import { randomToken } from '@/lib/ids'
import { prepareBilling } from '@/lib/metering/prepare-billing'
import { aggregateRollups } from '@/lib/metering/rollup-buckets'
import { episodeAt, planEpisodes, type PaymentEpisode } from './payment-episodes'
import {
  createProfile,
  createRandom,
  FreeCallCounter,
  hourWeight,
  makeCall,
  pickWeighted,
  type AiRouteModels,
  type CallRoute,
} from './seed-large-usage-calls'
import { createPrismaWriter, createSqliteWriter, emptyBatch, type SeedBatch } from './seed-large-usage-writers'

// `npm run seed:large`'s call history: millions of Invocation rows over the last N days for the
// APIs and subscriptions already in the database, plus the UsageRollup and LatencyRollup rows the
// gateway's writer would have produced for them (summed with the writer's own aggregateRollups).
// Calls are generated hour by hour in time order (ids and index keys then mostly append), each
// hour's rollups are complete before they are written, and each batch of calls is written with
// its rollups in one transaction (see seed-large-usage-writers.ts for why SQLite bypasses Prisma).
// 402s come in episodes (payment-episodes.ts): each is a PaymentIncident whose counters, like the
// PaymentRollup rows, are summed by the metering writer's own prepareBilling, batch by batch.
//
//   await seedLargeUsage(db, { invocations: 5_000_000, onProgress: (n, total) => ... })

export type SeedLargeUsageOptions = {
  invocations: number
  days?: number
  now?: Date
  /** Traffic concentrates on this many APIs (Zipf), as it does in real installations. */
  maxApis?: number
  /** Same seed, same history (ids aside). */
  seed?: number
  /** Calls per transaction. */
  batchSize?: number
  onProgress?: (written: number, total: number) => void
  /** About this many 402 episodes (PaymentIncident rows) over the window, and the share of calls they refuse. */
  paymentEpisodes?: number
  blockedShare?: number
  /** The database `db` talks to (default DATABASE_URL); SQLite files are written directly. */
  databaseUrl?: string
}

export type SeedLargeUsageResult = {
  invocations: number
  usageRollups: number
  latencyRollups: number
  paymentIncidents: number
  blocked: number
  routes: number
  ms: number
}

const HOUR_MS = 3_600_000

export async function seedLargeUsage(db: Db, options: SeedLargeUsageOptions): Promise<SeedLargeUsageResult> {
  const started = Date.now()
  const total = Math.max(0, Math.floor(options.invocations))
  const now = (options.now ?? new Date()).getTime()
  const days = options.days ?? 30
  const random = createRandom(options.seed ?? 20_261_124)
  const windowStart = now - days * 24 * HOUR_MS
  const routes = await loadRoutes(db, random, options.maxApis ?? 40, windowStart, now)
  const cumulative = new Float64Array(routes.length)
  routes.reduce((sum, route, i) => (cumulative[i] = sum + route.weight), 0)
  const episodes = planEpisodes(
    random,
    routes.map((r) => r.weight),
    windowStart,
    now,
    { count: options.paymentEpisodes, share: options.blockedShare },
  )
  const episodeById = new Map<string, PaymentEpisode>(episodes.flat().map((e) => [e.incidentId, e]))
  const freeCalls = new FreeCallCounter()

  // Hour slots from the oldest to the current (partial) one, each with its share of the calls.
  const firstHour = windowStart - (windowStart % HOUR_MS)
  const slots: Array<{ start: number; end: number; weight: number }> = []
  for (let h = firstHour; h < now; h += HOUR_MS) {
    const start = Math.max(h, windowStart)
    const end = Math.min(h + HOUR_MS, now)
    slots.push({ start, end, weight: hourWeight(h) * ((end - start) / HOUR_MS) })
  }
  const weightSum = slots.reduce((s, slot) => s + slot.weight, 0)

  const tag = randomToken(8)
  const batchSize = options.batchSize ?? 25_000
  let seq = 0
  let cumulativeWeight = 0
  let written = 0
  let usageRollups = 0
  let latencyRollups = 0
  const incidents = new Set<string>()
  let blocked = 0
  let pending: Required<SeedBatch> = emptyBatch()
  const url = options.databaseUrl ?? databaseUrl()
  const writer = isPostgresUrl(url) ? createPrismaWriter(db) : createSqliteWriter(sqliteFilePath(url))

  const flush = async () => {
    if (pending.calls.length === 0) return
    // Only the 402 side of the billing summary: the large seed writes no ledger entries.
    const billing = prepareBilling(pending.calls, `seed-${tag}-${written}`)
    pending.paymentRollups = billing.rollups
    pending.incidents = billing.incidents.map((i) => ({ ...i, episode: episodeById.get(i.id)! }))
    await writer.write(pending)
    written += pending.calls.length
    usageRollups += pending.usage.length
    latencyRollups += pending.latency.length
    for (const i of billing.incidents) {
      incidents.add(i.id)
      blocked += i.blockedCalls
    }
    pending = emptyBatch()
    options.onProgress?.(written, total)
  }

  try {
    for (const slot of slots) {
      // Cumulative rounding: the per-hour counts add up to exactly `total`.
      const before = Math.round((total * cumulativeWeight) / weightSum)
      cumulativeWeight += slot.weight
      const count = Math.round((total * cumulativeWeight) / weightSum) - before
      if (count === 0) continue
      const times = Array.from({ length: count }, () => slot.start + Math.floor(random() * (slot.end - slot.start)))
      times.sort((a, b) => a - b)
      const calls = times.map((at) => {
        // Sequential ids and request ids (unique per run via the tag) append to their indexes.
        const n = (seq++).toString(36).padStart(8, '0')
        const index = pickWeighted(cumulative, random)
        const episode = episodeAt(episodes[index], at)
        const forced = episode ? { status: 402, errorCode: episode.cause, incidentId: episode.incidentId } : undefined
        const call = { ...makeCall(random, routes[index], at, `req_${tag}${n}`, forced), id: `inv_${tag}${n}` }
        freeCalls.apply(call, routes[index].freeCallsPerMonth)
        return call
      })
      const { usage, latency, aiUsage, aiLatency } = aggregateRollups(calls)
      for (const c of calls) pending.calls.push(c)
      for (const u of usage) pending.usage.push(u)
      for (const l of latency) pending.latency.push(l)
      for (const a of aiUsage) pending.aiUsage.push(a)
      for (const a of aiLatency) pending.aiLatency.push(a)
      if (pending.calls.length >= batchSize) await flush()
    }
    await flush()
  } finally {
    await writer.close()
  }
  return {
    invocations: written,
    usageRollups,
    latencyRollups,
    paymentIncidents: incidents.size,
    blocked,
    routes: routes.length,
    ms: Date.now() - started,
  }
}

async function loadRoutes(
  db: Db,
  random: () => number,
  maxApis: number,
  windowStart: number,
  windowEnd: number,
): Promise<CallRoute[]> {
  const subscriptions = await db.subscription.findMany({
    where: { state: { in: ['ACTIVE', 'SUSPENDED'] } },
    orderBy: { createdAt: 'asc' },
    take: 2_000,
    select: {
      id: true,
      consumerTeamId: true,
      apiId: true,
      plan: {
        select: {
          id: true,
          paid: true,
          pricePerCallMicros: true,
          freeCallsPerMonth: true,
          pricePerMInputMicros: true,
          pricePerMOutputMicros: true,
        },
      },
    },
  })
  // Without subscriptions (a bare catalog), other teams call the first APIs, priced at the API's
  // paid plan if it has one but without a subscription (so no free quota and no usage rows).
  const apiIds = [...new Set(subscriptions.map((s) => s.apiId))].slice(0, maxApis)
  const apis = await db.api.findMany({
    where:
      apiIds.length > 0
        ? { id: { in: apiIds } }
        : { versions: { some: { state: { in: ['PUBLISHED', 'DEPRECATED'] } } } },
    take: maxApis,
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      slug: true,
      kind: true,
      teamId: true,
      team: { select: { slug: true } },
      plans: { where: { paid: true, archivedAt: null }, take: 1, select: { pricePerCallMicros: true } },
      versions: {
        where: { state: { in: ['PUBLISHED', 'DEPRECATED'] } },
        select: {
          id: true,
          version: true,
          state: true,
          timeoutMs: true,
          aiModels: {
            select: {
              name: true,
              targets: { orderBy: { position: 'asc' }, select: { model: { select: { name: true } } } },
            },
          },
        },
      },
    },
  })
  const usable = apis.filter((a) => a.versions.length > 0)
  if (usable.length === 0)
    throw new Error('seedLargeUsage needs published APIs: run `npm run seed` (or the catalog seed) first')

  const fallbackConsumers =
    apiIds.length > 0
      ? []
      : (await db.team.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' }, take: 4 })).map((t) => t.id)
  const consumerIds = [...new Set([...subscriptions.map((s) => s.consumerTeamId), ...fallbackConsumers])]
  const keys = await db.apiKey.findMany({
    where: { teamId: { in: consumerIds }, revokedAt: null },
    select: { id: true, teamId: true },
    take: 5_000,
  })
  const keysByTeam = new Map<string, string[]>()
  for (const k of keys) keysByTeam.set(k.teamId, [...(keysByTeam.get(k.teamId) ?? []), k.id].slice(0, 3))

  // Shuffle, then Zipf: a few APIs take most of the traffic, a long tail sees little. AI APIs
  // rank first, so the AI dashboard has volume like the REST ones (the catalog's APIs are REST).
  const ranked = usable
    .map((api) => ({ api, order: random() + (api.kind === 'REST' ? 1 : 0) }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.api)
  const routes: CallRoute[] = []
  ranked.forEach((api, rank) => {
    const consumers =
      apiIds.length > 0
        ? subscriptions
            .filter((s) => s.apiId === api.id)
            .map((s) => ({ teamId: s.consumerTeamId, subscriptionId: s.id, plan: s.plan }))
        : fallbackConsumers
            .filter((id) => id !== api.teamId)
            .map((teamId) => ({
              teamId,
              subscriptionId: null,
              plan: {
                id: null,
                paid: false,
                pricePerCallMicros: api.plans[0]?.pricePerCallMicros ?? 0n,
                freeCallsPerMonth: 0,
                pricePerMInputMicros: 0n,
                pricePerMOutputMicros: 0n,
              },
            }))
    const timeoutMs = api.versions[0].timeoutMs
    const profile = createProfile(random, api.kind, windowStart, windowEnd, timeoutMs)
    const apiWeight = 1 / Math.pow(rank + 1, 1.1)
    for (const version of api.versions) {
      const versionWeight = version.state === 'PUBLISHED' ? 1 : 0.35
      for (const consumer of consumers) {
        routes.push({
          ownerTeamId: api.teamId,
          consumerTeamId: consumer.teamId,
          apiId: api.id,
          versionId: version.id,
          basePath: `/gw/${api.team.slug}/${api.slug}/${version.version}`,
          kind: api.kind,
          subscriptionId: consumer.subscriptionId,
          keyIds: keysByTeam.get(consumer.teamId) ?? [],
          planId: consumer.plan.id,
          paid: consumer.plan.paid,
          freeCallsPerMonth: consumer.plan.freeCallsPerMonth,
          pricePerCallMicros: consumer.plan.pricePerCallMicros,
          label: `${api.team.slug}/${api.slug} ${version.version}`,
          weight: (apiWeight * versionWeight) / consumers.length,
          profile,
          ai: api.kind === 'REST' ? undefined : aiRouteModels(api.slug, version.aiModels, consumer.plan),
        })
      }
    }
  })
  if (routes.length === 0)
    throw new Error('seedLargeUsage found APIs but no team to call them: add a second team or a subscription')
  return routes
}

/** An AI version's models and their targets; one named after the API when it has none configured. */
function aiRouteModels(
  slug: string,
  models: Array<{ name: string; targets: Array<{ model: { name: string } }> }>,
  plan: { pricePerMInputMicros: bigint; pricePerMOutputMicros: bigint },
): AiRouteModels {
  const configured = models
    .map((m) => ({ name: m.name, targets: m.targets.map((t) => t.model.name) }))
    .filter((m) => m.targets.length > 0)
  return {
    models: configured.length > 0 ? configured : [{ name: `${slug}-model`, targets: [`${slug}-a`, `${slug}-b`] }],
    pricePerMInputMicros: plan.pricePerMInputMicros,
    pricePerMOutputMicros: plan.pricePerMOutputMicros,
  }
}
