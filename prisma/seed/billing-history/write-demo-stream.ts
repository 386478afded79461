import type { Db } from '@/lib/db'
import { utcMonth } from '@/lib/billing/month'
import { createId } from '@/lib/ids'
import { prepareBilling, type BillingCharge } from '@/lib/metering/prepare-billing'
import { retentionCutoff } from '@/lib/metering/prune-invocations'
import { notifyTeam } from '@/lib/notifications/notify-team'
import { incidentOpenedEvent } from '@/lib/metering/outbox-statements'
import type { BillingIncident } from '@/lib/metering/prepare-billing'
import type { PaymentEpisode } from '../payment-episodes'
import { aggregateRollups } from '@/lib/metering/rollup-buckets'
import { writeBatchWithPrisma, type Tx } from '../seed-large-usage-writers'
import type { SeedCall } from './build-stream-calls'
import type { DemoStream } from './demo-streams'

// Writes one demo stream in one transaction: the rollups and, for every call inside the raw log's
// retention window, its Invocation row, through the large seed's Prisma writer (so every bar on
// a dashboard drills into as many calls as it counts; older calls the pruner would delete anyway), and the money through the same sums the gateway's metering writer makes
// (prepareBilling): one CHARGE per day, version and subscription, SubscriptionUsage per month,
// the incident's counters. Ledger rows are written directly, like the welcome credit, because
// they are dated in the past; the balance moves by their sum in the same transaction.

export type StreamCounts = {
  usageRollups: number
  ledgerEntries: number
  blockedCalls: number
  incidents: number
  invocations: number
}

export async function writeDemoStream(db: Db, stream: DemoStream, calls: SeedCall[], now: Date): Promise<StreamCounts> {
  const { usage, latency } = aggregateRollups(calls)
  const billing = prepareBilling(calls, `seed:${stream.key}`)
  const episodes = new Map(stream.episodes.map(({ episode }) => [episode.incidentId, episode]))
  const charges = dailyCharges(
    stream.key,
    calls,
    stream.topUps.map((t) => t.at),
  )
  const blocked = calls.filter((c) => c.status === 402)
  const retainedFrom = retentionCutoff(now.getTime())
  const retained = calls.filter((c) => c.createdAt >= retainedFrom)

  return db.$transaction(
    async (tx) => {
      await writeBatchWithPrisma(tx, {
        calls: retained,
        usage,
        latency,
        paymentRollups: billing.rollups,
        incidents: billing.incidents.map((incident) => ({ ...incident, episode: episodes.get(incident.id)! })),
      })
      for (const incident of billing.incidents) await announceIncident(tx, incident, episodes.get(incident.id)!)
      const entries = await ledgerEntries(tx, stream, charges)
      await tx.ledgerEntry.createMany({ data: entries })
      await moveAccount(tx, stream.consumerTeamId, entries, charges, utcMonth(now.getTime()))
      for (const u of billing.usage) {
        await tx.subscriptionUsage.upsert({
          where: { subscriptionId_month: { subscriptionId: u.subscriptionId, month: u.month } },
          create: { id: createId('su'), subscriptionId: u.subscriptionId, month: u.month, calls: u.calls },
          update: { calls: { increment: u.calls } },
        })
      }
      return {
        usageRollups: usage.length,
        ledgerEntries: entries.length,
        blockedCalls: blocked.length,
        invocations: retained.length,
        incidents: billing.incidents.length,
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  )
}

/**
 * One charge per UTC day, version and subscription, described as the gateway describes its batches.
 * A day with a top-up gets one charge before it and one after, so the ledger's running balance is
 * right at every moment (empty exactly when initech's calls start being refused).
 */
function dailyCharges(key: string, calls: SeedCall[], topUps: number[]): BillingCharge[] {
  const groups = new Map<string, SeedCall[]>()
  for (const c of calls) {
    if (c.costMicros <= 0n) continue
    const segment = topUps.filter((at) => at <= c.createdAt).length
    const group = `${new Date(c.createdAt).toISOString().slice(0, 10)}:${segment}:${c.versionId}`
    const list = groups.get(group)
    if (list) list.push(c)
    else groups.set(group, [c])
  }
  return [...groups.entries()].flatMap(([group, list]) => prepareBilling(list, `seed:${key}:${group}`).charges)
}

type Entry = {
  id: string
  teamId: string
  kind: 'TOP_UP' | 'CHARGE'
  amountMicros: bigint
  idempotencyKey: string
  description: string
  apiId: string | null
  planId: string | null
  createdAt: Date
  updatedAt: Date
}

async function ledgerEntries(tx: Tx, stream: DemoStream, charges: BillingCharge[]): Promise<Entry[]> {
  const topUps = stream.topUps.map((t) => ({ ...t }))
  if (stream.finalBalanceMicros !== undefined && topUps.length > 0) {
    // Whatever the account already holds, the last top-up makes the balance end where the story says.
    const account = await tx.billingAccount.findUniqueOrThrow({
      where: { teamId: stream.consumerTeamId },
      select: { balanceMicros: true },
    })
    const spent = charges.reduce((sum, c) => sum + c.amountMicros, 0n)
    const added = topUps.reduce((sum, t) => sum + t.amountMicros, 0n)
    const last = topUps[topUps.length - 1]
    last.amountMicros += stream.finalBalanceMicros - (account.balanceMicros + added - spent)
    if (last.amountMicros <= 0n)
      throw new Error(`The ${stream.key} billing history cannot end at its balance: the team already holds too much`)
  }
  const row = (e: Omit<Entry, 'id' | 'teamId' | 'updatedAt'>): Entry => ({
    ...e,
    id: createId('led'),
    teamId: stream.consumerTeamId,
    updatedAt: e.createdAt,
  })
  return [
    ...topUps.map((t) =>
      row({
        kind: 'TOP_UP',
        amountMicros: t.amountMicros,
        idempotencyKey: t.key,
        description: t.description,
        apiId: null,
        planId: null,
        createdAt: new Date(t.at),
      }),
    ),
    ...charges.map((c) =>
      row({
        kind: 'CHARGE',
        amountMicros: -c.amountMicros,
        idempotencyKey: c.idempotencyKey,
        description: c.description,
        apiId: c.apiId,
        planId: c.planId,
        createdAt: new Date(c.at),
      }),
    ),
  ]
}

/** Balance by the entries' sum (so it stays equal to the ledger) and this month's spend by its charges. */
async function moveAccount(
  tx: Tx,
  teamId: string,
  entries: Entry[],
  charges: BillingCharge[],
  month: string,
): Promise<void> {
  const account = await tx.billingAccount.findUniqueOrThrow({
    where: { teamId },
    select: { spendMonth: true, spendMicros: true },
  })
  const spentThisMonth = charges.filter((c) => c.month === month).reduce((sum, c) => sum + c.amountMicros, 0n)
  await tx.billingAccount.update({
    where: { teamId },
    data: {
      balanceMicros: { increment: entries.reduce((sum, e) => sum + e.amountMicros, 0n) },
      spendMonth: month,
      spendMicros: (account.spendMonth === month ? account.spendMicros : 0n) + spentThisMonth,
    },
  })
}

/**
 * The consumer hears of each episode as the gateway would have told it (findOrOpenIncident's
 * notification, dated at the first refused call), so an OPEN incident is never unannounced.
 * An episode that has ended was seen then: its notification is read.
 */
async function announceIncident(tx: Tx, incident: BillingIncident, episode: PaymentEpisode): Promise<void> {
  const [api, consumer] = await Promise.all([
    tx.api.findUniqueOrThrow({
      where: { id: incident.apiId },
      select: { slug: true, team: { select: { slug: true } } },
    }),
    tx.team.findUniqueOrThrow({ where: { id: incident.consumerTeamId }, select: { slug: true } }),
  ])
  const firstSeenAt = new Date(incident.firstSeenAt)
  const event = incidentOpenedEvent({
    ...incident,
    cause: episode.cause,
    firstSeenAt,
    apiName: `${api.team.slug}/${api.slug}`,
    consumerSlug: consumer.slug,
  })
  await notifyTeam(tx, event, firstSeenAt)
  if (!episode.open)
    await tx.notification.updateMany({
      where: { teamId: incident.consumerTeamId, link: event.link },
      data: { readAt: new Date(episode.end) },
    })
}
