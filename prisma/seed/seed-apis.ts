import { readFileSync } from 'node:fs'
import type { VersionState } from '@/generated/sqlite/enums'
import { buildSearchText } from '@/lib/apis/search-text'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { deriveApiState } from '@/lib/lifecycle/derive-api-state'
import { DEMO_APIS, type DemoApi, type DemoVersion } from './demo-apis'
import { daysAgo, type SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { SeededTeams } from './seed-teams'

export type SeededApis = Map<string, { id: string; teamId: string }> // key: "team/slug"

export function readOpenApi(file: string): string {
  return readFileSync(new URL(`./openapi/${file}`, import.meta.url), 'utf8')
}

/** APIs, tags, versions and their lifecycle history. A version's history is written with the version, once. */
export async function seedApis(
  db: Db,
  config: SeedConfig,
  teams: SeededTeams,
  counter: SeedCounter,
): Promise<SeededApis> {
  const seeded: SeededApis = new Map()
  for (const spec of DEMO_APIS) {
    const teamId = teams[spec.team].id
    const firstCreated = Math.max(...spec.versions.map((v) => v.createdDaysAgo))
    const lastActivity = Math.min(...spec.versions.flatMap(eventDays))
    const api = await counter.upsert(
      'API',
      () => db.api.findUnique({ where: { teamId_slug: { teamId, slug: spec.slug } } }),
      () =>
        db.api.create({
          data: {
            id: createId('api'),
            teamId,
            slug: spec.slug,
            name: spec.name,
            description: spec.description,
            kind: 'REST',
            visibility: spec.visibility ?? 'INTERNAL',
            searchText: buildSearchText(spec.name, spec.description, spec.tags),
            state: deriveApiState(spec.versions.map((v) => v.state)),
            createdAt: daysAgo(config.now, firstCreated),
            updatedAt: daysAgo(config.now, lastActivity),
          },
        }),
    )
    seeded.set(`${spec.team}/${spec.slug}`, { id: api.id, teamId })

    for (const tag of spec.tags) {
      await counter.upsert(
        'tag',
        () => db.apiTag.findUnique({ where: { apiId_tag: { apiId: api.id, tag } } }),
        () => db.apiTag.create({ data: { id: createId('tag'), apiId: api.id, tag } }),
      )
    }
    await seedVersions(db, config, teams, counter, spec, api.id, teamId)

    // Api.state must always match its versions, even if someone changed a version by hand.
    const states = await db.apiVersion.findMany({ where: { apiId: api.id, teamId }, select: { state: true } })
    const state = deriveApiState(states.map((row) => row.state))
    if (state !== api.state) {
      await db.api.update({ where: { id: api.id, teamId }, data: { state } })
      counter.changed('API state')
    }
  }
  return seeded
}

async function seedVersions(
  db: Db,
  config: SeedConfig,
  teams: SeededTeams,
  counter: SeedCounter,
  spec: DemoApi,
  apiId: string,
  teamId: string,
) {
  const ids = new Map<string, string>()
  const created: DemoVersion[] = []
  for (const v of spec.versions) {
    const existing = await db.apiVersion.findUnique({
      where: { apiId_version: { apiId, version: v.version } },
      select: { id: true },
    })
    if (existing) {
      ids.set(v.version, existing.id)
      continue
    }
    const at = (days: number | undefined) => (days === undefined ? null : daysAgo(config.now, days))
    const row = await db.apiVersion.create({
      data: {
        id: createId('ver'),
        apiId,
        teamId,
        version: v.version,
        major: Number(v.version.replace(/^v/, '')) || 1,
        state: v.state,
        openapi: readOpenApi(v.openapiFile),
        upstreamUrl: `${config.upstreamBase}${v.upstreamPath}`,
        publishedAt: at(v.publishedDaysAgo),
        deprecatedAt: at(v.deprecatedDaysAgo),
        sunsetAt: at(v.sunsetDaysAgo),
        retiredAt: at(v.retiredDaysAgo),
        createdAt: daysAgo(config.now, v.createdDaysAgo),
        updatedAt: daysAgo(config.now, Math.min(...eventDays(v))),
      },
      select: { id: true },
    })
    ids.set(v.version, row.id)
    created.push(v)
    counter.changed('version')
    const events = historyOf(v).map((event) => ({
      id: createId('evt'),
      apiId,
      versionId: row.id,
      teamId,
      actorId: teams[spec.team].users[event.by].id,
      actorEmail: teams[spec.team].users[event.by].email,
      fromState: event.from,
      toState: event.to,
      action: event.action,
      reason: event.reason ?? null,
      createdAt: daysAgo(config.now, event.days),
      updatedAt: daysAgo(config.now, event.days),
    }))
    await db.lifecycleEvent.createMany({ data: events })
    counter.changed('lifecycle event', events.length)
  }
  // Successors point at sibling versions, so link them once every version row exists.
  for (const v of created) {
    if (v.successor)
      await db.apiVersion.update({
        where: { id: ids.get(v.version)!, teamId },
        data: { successorId: ids.get(v.successor) ?? null },
      })
  }
}

type HistoryEvent = {
  action: string
  from: VersionState | null
  to: VersionState
  days: number
  by: 'owner' | 'member'
  reason?: string
}

/** The transitions that led to the version's seeded state, oldest first. */
export function historyOf(v: DemoVersion): HistoryEvent[] {
  const events: HistoryEvent[] = [{ action: 'create', from: null, to: 'DRAFT', days: v.createdDaysAgo, by: 'member' }]
  if (v.publishedDaysAgo !== undefined)
    events.push({ action: 'publish', from: 'DRAFT', to: 'PUBLISHED', days: v.publishedDaysAgo, by: 'member' })
  if (v.deprecatedDaysAgo !== undefined)
    events.push({
      action: 'deprecate',
      from: 'PUBLISHED',
      to: 'DEPRECATED',
      days: v.deprecatedDaysAgo,
      by: 'owner',
      reason: v.deprecateReason,
    })
  if (v.retiredDaysAgo !== undefined)
    events.push({
      action: 'retire',
      from: 'DEPRECATED',
      to: 'RETIRED',
      days: v.retiredDaysAgo,
      by: 'owner',
      reason: v.retireReason,
    })
  return events
}

function eventDays(v: DemoVersion): number[] {
  return historyOf(v).map((event) => event.days)
}
