import type { Db } from '../db'
import {
  readChangeRow,
  type ChangeRow,
  type KeyRow,
  type SubscriptionRow,
  type VersionRow,
} from '../config-events/change-rows'
import type { ConfigChange } from '../config-events/config-change'
import { readConfigVersion } from '../config-events/read-config-version'
import { LIVE_STATES } from './load-snapshot'
import { routeLifecycle, toKeyEntry, toSubscriptionEntry } from './snapshot-entries'
import {
  subscriptionKey,
  type RouteEntry,
  type RouteState,
  type Snapshot,
  type SubscriptionEntry,
} from './snapshot-types'

// The fast way a config change reaches the hot path: take the one row the event names (carried
// in the NOTIFY payload on PostgreSQL, otherwise re-read) and build the next snapshot from the
// current one, instead of re-reading every table (the full load took 15-540 ms on a loaded
// machine, one row about a millisecond or two). A copy of the changed map is swapped in, so the
// current snapshot stays immutable.

/**
 * - a Snapshot at `version`, when the row is applied;
 * - 'not-committed' when the database is still below `version` (the in-process bus can announce a
 *   change before its transaction commits): nothing to do, the NOTIFY or the poll brings it;
 * - 'full' when this change is more than the row can tell (a new route, a deleted row): reload all.
 */
export type DeltaOutcome = Snapshot | 'not-committed' | 'full'

export async function applyConfigDelta(
  db: Db,
  current: Snapshot,
  notice: { version: number; change: ConfigChange; committed: boolean; row?: ChangeRow },
): Promise<DeltaOutcome> {
  const { version, change } = notice
  // A row from the payload is the committed row as its transaction left it: nothing to read.
  let row = notice.row ?? null
  if (row === null) {
    // PostgreSQL delivers a NOTIFY only once its transaction committed; a bus notice may come
    // earlier. Then the version first: once it reads `version`, that change committed before the
    // row is read, so the row shows it (or something newer, which its own event re-applies).
    if (!notice.committed && (await readConfigVersion(db)) < version) return 'not-committed'
    row = await readChangeRow(db, change)
  }
  const next = row === null ? 'full' : patch(current, change.id, row)
  return next === 'full' ? 'full' : { ...current, ...next, version }
}

function patch(current: Snapshot, id: string, row: ChangeRow): Partial<Snapshot> | 'full' {
  switch (row.kind) {
    case 'key':
      return patchKey(current, row.key)
    case 'subscription':
      return patchSubscription(current, row.subscription)
    case 'version':
      return patchRoute(current, id, row.version)
  }
}

function patchKey(current: Snapshot, row: KeyRow): Partial<Snapshot> {
  const entry = toKeyEntry(row)
  const keysByHash = new Map(current.keysByHash).set(row.hash, entry)
  const keysById = new Map(current.keysById).set(row.id, entry)
  return { keysByHash, keysById }
}

function patchSubscription(current: Snapshot, row: SubscriptionRow & { state: string }): Partial<Snapshot> {
  const mapKey = subscriptionKey(row.consumerTeamId, row.apiId)
  const others = (current.subscriptions.get(mapKey) ?? []).filter((s) => s.id !== row.id)
  const list: SubscriptionEntry[] = row.state === 'ACTIVE' ? [...others, toSubscriptionEntry(row)] : others
  const subscriptions = new Map(current.subscriptions)
  if (list.length > 0) subscriptions.set(mapKey, list)
  else subscriptions.delete(mapKey)
  return { subscriptions }
}

/** A version that stays routable and changed only its lifecycle (deprecated, retired). */
function patchRoute(current: Snapshot, versionId: string, row: VersionRow): Partial<Snapshot> | 'full' {
  const route = [...current.routes.values()].find((r) => r.versionId === versionId)
  if (!route || !LIVE_STATES.includes(row.state as RouteState)) return 'full'
  const updated: RouteEntry = { ...route, ...routeLifecycle(row, row.successor ?? undefined) }
  return { routes: new Map(current.routes).set(route.key, updated) }
}
