import type { Db } from '../db'
import { loadAiRoutes } from '../ai/gateway/load-ai-routes'
import { loadPromptSpecs } from '../ai/prompt/load-prompt-specs'
import { readConfigVersion } from '../config-events/read-config-version'
import { KEY_ROW_SELECT, SUBSCRIPTION_ROW_SELECT, type VersionLabel } from '../config-events/change-rows'
import { routeLifecycle, toKeyEntry, toSubscriptionEntry } from './snapshot-entries'
import type { KeyEntry, RouteEntry, RouteState, Snapshot, SubscriptionEntry } from './snapshot-types'
import { incidentKey, subscriptionKey } from './snapshot-types'
import type { UpstreamPools } from './upstream-pools'

// Builds a complete snapshot from the database. It runs off the hot path (on start and on every
// config change), so clarity beats cleverness here; the hot path only does Map lookups.

export const LIVE_STATES: RouteState[] = ['PUBLISHED', 'DEPRECATED', 'RETIRED']

export async function loadSnapshot(db: Db, pools: UpstreamPools): Promise<Snapshot> {
  const loadedAt = Date.now()
  // Read the version first: a bump that lands while we load triggers another reload.
  const version = await readConfigVersion(db)
  const [versions, keys, subscriptions, incidents] = await Promise.all([
    db.apiVersion.findMany({
      // DRAFT versions are not routable at all: they answer 404 like an unknown path.
      where: { state: { in: LIVE_STATES } },
      select: {
        id: true,
        apiId: true,
        teamId: true,
        version: true,
        state: true,
        upstreamUrl: true,
        timeoutMs: true,
        captureMode: true,
        captureRetentionDays: true,
        deprecatedAt: true,
        sunsetAt: true,
        successorId: true,
        publishedAt: true,
        api: { select: { slug: true, kind: true, team: { select: { slug: true } } } },
      },
    }),
    db.apiKey.findMany({ select: KEY_ROW_SELECT }),
    db.subscription.findMany({ where: { state: 'ACTIVE' }, select: SUBSCRIPTION_ROW_SELECT }),
    db.paymentIncident.findMany({
      where: { state: 'OPEN' },
      select: { id: true, consumerTeamId: true, apiId: true, cause: true },
    }),
  ])

  const labels = new Map<string, VersionLabel>()
  for (const v of versions) labels.set(v.id, { teamSlug: v.api.team.slug, apiSlug: v.api.slug, version: v.version })
  // A successor may still be a DRAFT (not loaded above); look its label up separately.
  const missing = versions.map((v) => v.successorId).filter((id): id is string => !!id && !labels.has(id))
  if (missing.length > 0) {
    const rows = await db.apiVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, version: true, api: { select: { slug: true, team: { select: { slug: true } } } } },
    })
    for (const r of rows) labels.set(r.id, { teamSlug: r.api.team.slug, apiSlug: r.api.slug, version: r.version })
  }

  const aiVersions = versions.filter((v) => v.api.kind === 'AI_CHAT' || v.api.kind === 'AI_PROMPT')
  const [aiRoutes, prompts] = await Promise.all([
    loadAiRoutes(
      db,
      pools,
      aiVersions.map((v) => ({ id: v.id, teamId: v.teamId, ownerSlug: v.api.team.slug, publishedAt: v.publishedAt })),
    ),
    loadPromptSpecs(
      db,
      versions.filter((v) => v.api.kind === 'AI_PROMPT'),
    ),
  ])

  const routes = new Map<string, RouteEntry>()
  for (const v of versions) {
    const ai = aiRoutes.get(v.id) ?? null
    const prompt = prompts.get(v.id) ?? null
    // A prompt version with no template row has nothing to run: not routable.
    if (v.api.kind === 'AI_PROMPT' && prompt === null) continue
    // AI routes call their providers; only REST routes need an upstream (AI ones may have "").
    const upstream = ai ? { origin: '', basePath: '' } : parseUpstream(v.upstreamUrl)
    if (!upstream) continue
    const lifecycle = routeLifecycle(v, v.successorId ? labels.get(v.successorId) : undefined)
    const key = `${v.api.team.slug}/${v.api.slug}/${v.version}`
    routes.set(key, {
      key,
      ownerTeamId: v.teamId,
      apiId: v.apiId,
      versionId: v.id,
      upstreamOrigin: upstream.origin,
      upstreamBasePath: upstream.basePath,
      timeoutMs: v.timeoutMs > 0 ? v.timeoutMs : 30_000,
      kind: prompt ? 'AI_PROMPT' : ai ? 'AI_CHAT' : 'REST',
      pool: ai ? null : pools.get(upstream.origin),
      ai,
      prompt,
      ...lifecycle,
      label: `${v.api.team.slug}/${v.api.slug} ${v.version}`,
      apiLabel: `${v.api.team.slug}/${v.api.slug}`,
      // The REST proxy taps its exchange (capture-tap.ts); AI routes, lib/ai/gateway/ai-capture.ts.
      capture:
        v.captureMode === 'OFF'
          ? null
          : { mode: v.captureMode, retentionMs: Math.max(1, v.captureRetentionDays) * 86_400_000 },
    })
  }

  const keysByHash = new Map<string, KeyEntry>()
  const keysById = new Map<string, KeyEntry>()
  for (const k of keys) {
    const entry = toKeyEntry(k)
    keysByHash.set(k.hash, entry)
    keysById.set(k.id, entry)
  }

  const subscriptionMap = new Map<string, SubscriptionEntry[]>()
  for (const s of subscriptions) {
    const entry = toSubscriptionEntry(s)
    const mapKey = subscriptionKey(s.consumerTeamId, s.apiId)
    const list = subscriptionMap.get(mapKey)
    if (list) list.push(entry)
    else subscriptionMap.set(mapKey, [entry])
  }

  const openIncidents = new Map<string, string>()
  for (const i of incidents) openIncidents.set(incidentKey(i.consumerTeamId, i.apiId, i.cause), i.id)

  return { version, loadedAt, routes, keysByHash, keysById, subscriptions: subscriptionMap, openIncidents }
}

function parseUpstream(raw: string): { origin: string; basePath: string } | null {
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') }
  } catch {
    return null
  }
}
