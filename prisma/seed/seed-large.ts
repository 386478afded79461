import { seedLargeUsage } from './seed-large-usage'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { buildTeamApis, emptyRows, type LargeApiRows } from './large/build-large-rows'
import { COMPANY_FIRST, COMPANY_SECOND } from './large/word-lists'
import { readSeedConfig } from './seed-config'

// `npm run seed:large`: volume for the catalog and dashboard performance targets (10k APIs).
// It runs as a list of steps sharing one context, so later work (invocations, rollups) adds a
// step at the end of LARGE_SEED_STEPS instead of touching the ones here.

export type LargeSeedOptions = {
  teams: number
  apisPerTeam: number
  teamsPerChunk: number
  invocations: number
  upstreamBase: string
  now: Date
}

export type LargeSeedContext = {
  db: Db
  options: LargeSeedOptions
  teams: Array<{ id: string; slug: string; index: number }>
  /** Rows written by this run; zero means the data was already there. */
  written: number
  log: (message: string) => void
}

export type LargeSeedStep = { name: string; run: (context: LargeSeedContext) => Promise<void> }

export const DEFAULT_LARGE_OPTIONS: Omit<LargeSeedOptions, 'upstreamBase' | 'now'> = {
  teams: 50,
  apisPerTeam: 200,
  teamsPerChunk: 5,
  invocations: Number(process.env.LARGE_SEED_INVOCATIONS ?? 5_000_000),
}

export function largeTeamName(index: number): { slug: string; name: string } {
  const first = COMPANY_FIRST[index % COMPANY_FIRST.length]
  const second = COMPANY_SECOND[Math.floor(index / COMPANY_FIRST.length) % COMPANY_SECOND.length]
  const round = Math.floor(index / (COMPANY_FIRST.length * COMPANY_SECOND.length))
  const name = round ? `${first} ${second} ${round + 1}` : `${first} ${second}`
  return { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') }
}

/** Teams (with a billing account and a password-less owner) found or created by slug. */
const seedLargeTeams: LargeSeedStep = {
  name: 'teams',
  async run(context) {
    const { db, options } = context
    for (let index = 0; index < options.teams; index++) {
      const { slug, name } = largeTeamName(index)
      const team =
        (await db.team.findUnique({ where: { slug }, select: { id: true } })) ??
        (await db.$transaction(async (tx) => {
          const created = await tx.team.create({
            data: { id: createId('team'), slug, name, contactEmail: `platform@${slug}.test` },
            select: { id: true },
          })
          const owner = await tx.user.upsert({
            where: { email: `owner@${slug}.test` },
            update: {},
            create: { id: createId('usr'), email: `owner@${slug}.test`, name: `${name} Owner` },
          })
          await tx.membership.create({
            data: { id: createId('mem'), teamId: created.id, userId: owner.id, role: 'OWNER' },
          })
          await tx.billingAccount.create({ data: { id: createId('bill'), teamId: created.id } })
          context.written++
          return created
        }))
      context.teams.push({ id: team.id, slug, index })
    }
  },
}

/**
 * APIs in chunks of whole teams (5 teams × 200 = 1,000 APIs), one transaction per chunk, so an
 * interrupted run leaves each team either complete or empty. Teams that already have APIs are skipped.
 */
const seedLargeApis: LargeSeedStep = {
  name: 'APIs',
  async run(context) {
    const { db, options } = context
    const counts = await db.api.groupBy({
      by: ['teamId'],
      where: { teamId: { in: context.teams.map((t) => t.id) } },
      _count: { _all: true },
    })
    const done = new Set(counts.filter((c) => c._count._all > 0).map((c) => c.teamId))
    const pending = context.teams.filter((t) => !done.has(t.id))
    if (pending.length === 0) return context.log('  every team already has its APIs; skipping')
    for (let start = 0; start < pending.length; start += options.teamsPerChunk) {
      const rows: LargeApiRows = emptyRows()
      for (const team of pending.slice(start, start + options.teamsPerChunk)) {
        buildTeamApis(
          {
            teamId: team.id,
            teamSlug: team.slug,
            firstIndex: team.index * options.apisPerTeam,
            count: options.apisPerTeam,
            upstreamBase: options.upstreamBase,
            now: options.now,
          },
          rows,
        )
      }
      await db.$transaction([
        db.api.createMany({ data: rows.apis }),
        db.apiVersion.createMany({ data: rows.versions }),
        db.apiTag.createMany({ data: rows.tags }),
        db.plan.createMany({ data: rows.plans }),
        db.lifecycleEvent.createMany({ data: rows.events }),
      ])
      context.written += rows.apis.length
      context.log(
        `  ${Math.min(start + options.teamsPerChunk, pending.length)}/${pending.length} teams, ${rows.apis.length} APIs in this chunk`,
      )
    }
  },
}

// Millions of calls for the dashboards (options.invocations: LARGE_SEED_INVOCATIONS, default 5M).
// Only the shortfall is written, so re-running the large seed does not double the traffic.
const seedLargeTraffic: LargeSeedStep = {
  name: 'call log and rollups',
  async run(context) {
    const target = context.options.invocations
    const existing = await context.db.invocation.count()
    if (existing >= target) return context.log(`Large seed: ${existing} invocations already present`)
    const result = await seedLargeUsage(context.db, {
      invocations: target - existing,
      onProgress: (done, total) => {
        if (done % 500_000 < 25_000) context.log(`Large seed: ${done}/${total} invocations`)
      },
    })
    context.written += result.invocations
  },
}

export const LARGE_SEED_STEPS: LargeSeedStep[] = [seedLargeTeams, seedLargeApis, seedLargeTraffic]

export async function runSeedLarge(
  db: Db,
  overrides: Partial<LargeSeedOptions> = {},
  log: (message: string) => void = () => {},
): Promise<LargeSeedContext> {
  const config = readSeedConfig()
  const options: LargeSeedOptions = {
    ...DEFAULT_LARGE_OPTIONS,
    upstreamBase: config.upstreamBase,
    now: config.now,
    ...overrides,
  }
  const context: LargeSeedContext = { db, options, teams: [], written: 0, log }
  for (const step of LARGE_SEED_STEPS) {
    const started = Date.now()
    log(`Large seed: ${step.name}…`)
    await step.run(context)
    log(`Large seed: ${step.name} done in ${Date.now() - started} ms`)
  }
  // Running gateways pick the new routes up on their next poll.
  if (context.written > 0)
    await db.configVersion.upsert({
      where: { id: 1 },
      create: { id: 1, version: 1 },
      update: { version: { increment: 1 } },
    })
  return context
}
