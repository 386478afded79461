import type { Db } from '../db'
import type { ConfigChange } from '../config-events/config-change'
import { readConfigVersion } from '../config-events/read-config-version'
import { LIVE_STATES } from './load-snapshot'
import {
  KEY_ROW_SELECT,
  routeLifecycle,
  SUBSCRIPTION_ROW_SELECT,
  toKeyEntry,
  toSubscriptionEntry,
} from './snapshot-entries'
import {
  subscriptionKey,
  type RouteEntry,
  type RouteState,
  type Snapshot,
  type SubscriptionEntry,
} from './snapshot-types'

// The fast way a config change reaches the hot path: re-read the one row the event names and
// build the next snapshot from the current one, instead of re-reading every table (the full load
// took 15-540 ms on this loaded machine, one row about a millisecond or two). A copy of the
// changed map is swapped in, so the current snapshot stays immutable.

/**
 * - a Snapshot at `version`, when the row is re-read and applied;
 * - 'not-committed' when the database is still below `version` (the in-process bus can announce a
 *   change before its transaction commits): nothing to do, the NOTIFY or the poll brings it;
 * - 'full' when this change is more than the row can tell (a new route, a deleted row): reload all.
 */
export type DeltaOutcome = Snapshot | 'not-committed' | 'full'

export async function applyConfigDelta(
  db: Db,
  current: Snapshot,
  notice: { version: number; change: ConfigChange; committed: boolean },
): Promise<DeltaOutcome> {
  const { version, change } = notice
  // PostgreSQL delivers a NOTIFY only once its transaction committed; a bus notice may come
  // earlier. Then the version first: once it reads `version`, that change committed before the
  // row is read, so the row shows it (or something newer, which its own event re-applies).
  if (!notice.committed && (await readConfigVersion(db)) < version) return 'not-committed'
  const next = await patch(db, current, change)
  return next === 'full' ? 'full' : { ...current, ...next, version }
}

async function patch(db: Db, current: Snapshot, change: ConfigChange): Promise<Partial<Snapshot> | 'full'> {
  switch (change.kind) {
    case 'key':
      return patchKey(db, current, change.id)
    case 'subscription':
      return patchSubscription(db, current, change.id)
    case 'version':
      return patchRoute(db, current, change.id)
  }
}

async function patchKey(db: Db, current: Snapshot, keyId: string): Promise<Partial<Snapshot> | 'full'> {
  const row = await db.apiKey.findUnique({ where: { id: keyId }, select: KEY_ROW_SELECT })
  if (!row) return 'full'
  const entry = toKeyEntry(row)
  const keysByHash = new Map(current.keysByHash).set(row.hash, entry)
  const keysById = new Map(current.keysById).set(row.id, entry)
  return { keysByHash, keysById }
}

async function patchSubscription(db: Db, current: Snapshot, id: string): Promise<Partial<Snapshot> | 'full'> {
  const row = await db.subscription.findUnique({
    where: { id },
    select: { ...SUBSCRIPTION_ROW_SELECT, state: true },
  })
  if (!row) return 'full'
  const mapKey = subscriptionKey(row.consumerTeamId, row.apiId)
  const others = (current.subscriptions.get(mapKey) ?? []).filter((s) => s.id !== id)
  const list: SubscriptionEntry[] = row.state === 'ACTIVE' ? [...others, toSubscriptionEntry(row)] : others
  const subscriptions = new Map(current.subscriptions)
  if (list.length > 0) subscriptions.set(mapKey, list)
  else subscriptions.delete(mapKey)
  return { subscriptions }
}

/** A version that stays routable and changed only its lifecycle (deprecated, retired). */
async function patchRoute(db: Db, current: Snapshot, versionId: string): Promise<Partial<Snapshot> | 'full'> {
  const route = [...current.routes.values()].find((r) => r.versionId === versionId)
  const row = await db.apiVersion.findUnique({
    where: { id: versionId },
    select: { state: true, deprecatedAt: true, sunsetAt: true, successorId: true },
  })
  if (!route || !row || !LIVE_STATES.includes(row.state as RouteState)) return 'full'
  const successor = row.successorId
    ? await db.apiVersion.findUnique({
        where: { id: row.successorId },
        select: { version: true, api: { select: { slug: true, team: { select: { slug: true } } } } },
      })
    : null
  const label = successor
    ? { teamSlug: successor.api.team.slug, apiSlug: successor.api.slug, version: successor.version }
    : undefined
  const updated: RouteEntry = { ...route, ...routeLifecycle(row, label) }
  return { routes: new Map(current.routes).set(route.key, updated) }
}
