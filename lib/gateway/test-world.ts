import type { Db } from '../db'
import { createTestTeam } from '../testing/create-test-team'
import { createApi, createKey } from './test-fixtures'

// The world most gateway tests share: Acme owns "weather" (a version in every lifecycle state),
// "slow" (300 ms timeout), "dead" (nothing listening) and "limited" (3 calls a minute);
// Globex subscribes to all of them; Initech subscribes to nothing.

export const DEPRECATED_AT = new Date('2026-01-15T10:00:00Z')
export const SUNSET_AT = new Date('2027-06-30T23:59:59Z')
const HOUR = 3_600_000

export async function seedWorld(db: Db, upstreamUrl: string, deadUrl: string) {
  const acme = await createTestTeam({ label: 'acme' }, db)
  const globex = await createTestTeam({ label: 'globex' }, db)
  const initech = await createTestTeam({ label: 'initech' }, db)
  const weather = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'weather',
    versions: [
      { version: 'v2', state: 'PUBLISHED', upstreamUrl: `${upstreamUrl}/weather` },
      {
        version: 'v1',
        state: 'DEPRECATED',
        upstreamUrl: `${upstreamUrl}/weather`,
        deprecatedAt: DEPRECATED_AT,
        sunsetAt: SUNSET_AT,
        successor: 'v2',
      },
      { version: 'v0', state: 'RETIRED', upstreamUrl: `${upstreamUrl}/weather`, successor: 'v2' },
      { version: 'v3', state: 'DRAFT', upstreamUrl: `${upstreamUrl}/weather` },
    ],
  })
  const slow = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'slow',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl, timeoutMs: 300 }],
  })
  const dead = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'dead',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl: deadUrl }],
  })
  const limited = await createApi(db, {
    ownerTeamId: acme.id,
    consumerTeamId: globex.id,
    slug: 'limited',
    rateLimit: 3,
    rateWindow: 'MINUTE',
    versions: [{ version: 'v1', state: 'PUBLISHED', upstreamUrl }],
  })
  const now = Date.now()
  const keys = {
    valid: await createKey(db, globex.id),
    expired: await createKey(db, globex.id, { expiresAt: new Date(now - HOUR) }),
    revoked: await createKey(db, globex.id, { revokedAt: new Date(now - HOUR) }),
    // Restricted to the "slow" subscription: it may not call weather.
    restricted: await createKey(db, globex.id, { subscriptionIds: [slow.subscription.id] }),
    outsider: await createKey(db, initech.id),
  }
  const base = (api: string, version: string) => `/gw/${acme.slug}/${api}/${version}`
  return { acme, globex, initech, weather, slow, dead, limited, keys, base }
}

export type World = Awaited<ReturnType<typeof seedWorld>>
