import { KEY_PATTERN } from '@/lib/credentials/key-format'
import { MANAGEMENT_TOKEN_PATTERN } from '@/lib/management-tokens/token-format'

// Everything the demo seed reads from the environment, checked in one place so a bad value
// fails before any row is written.

export type SeedConfig = {
  password: string
  upstreamBase: string
  /** SEED_API_KEY: globex's key. */
  apiKey: string | null
  /** SEED_API_KEY_INITECH: initech's key, for the calls its 20-call balance pays for. */
  initechApiKey: string | null
  /** SEED_MANAGEMENT_TOKEN: acme owner's write + billing + ai management token. */
  managementToken: string | null
  now: Date
}

export function readSeedConfig(env: Record<string, string | undefined> = process.env, now = new Date()): SeedConfig {
  const apiKey = readApiKey(env, 'SEED_API_KEY')
  const initechApiKey = readApiKey(env, 'SEED_API_KEY_INITECH')
  if (apiKey && apiKey === initechApiKey)
    throw new Error('SEED_API_KEY and SEED_API_KEY_INITECH must be different keys')
  const port = env.DEMO_UPSTREAM_PORT?.trim() || '4010'
  if (!/^\d{1,5}$/.test(port)) throw new Error(`DEMO_UPSTREAM_PORT must be a port number (got "${port}")`)
  return {
    password: env.SEED_PASSWORD || 'tollgate-demo',
    upstreamBase: `http://127.0.0.1:${port}`,
    apiKey,
    initechApiKey,
    managementToken: readManagementToken(env),
    now,
  }
}

/** A known management token from the environment, refused loudly unless /api/v1 would accept it. */
function readManagementToken(env: Record<string, string | undefined>): string | null {
  const token = env.SEED_MANAGEMENT_TOKEN?.trim() || null
  if (token && !MANAGEMENT_TOKEN_PATTERN.test(token)) {
    throw new Error(
      'SEED_MANAGEMENT_TOKEN must look like tgm_<16 to 64 lowercase letters or digits>, e.g. tgm_0123456789abcdef0123',
    )
  }
  return token
}

/** A known key value from the environment, refused loudly unless the gateway would accept it. */
function readApiKey(env: Record<string, string | undefined>, name: string): string | null {
  const key = env[name]?.trim() || null
  if (key && !key.startsWith('tg_')) {
    throw new Error(`${name} must start with "tg_", e.g. ${name}=tg_live_0123456789abcdef0123`)
  }
  // The gateway refuses anything else before it even hashes the key, so catch it here instead.
  if (key && !KEY_PATTERN.test(key)) {
    throw new Error(
      `${name} must look like tg_<env>_<16 to 64 lowercase letters or digits>, e.g. tg_live_0123456789abcdef0123`,
    )
  }
  return key
}

export const DAY_MS = 24 * 60 * 60 * 1000

/** A moment `days` days before `now` (negative: in the future), at a plausible working hour. */
export function daysAgo(now: Date, days: number, hour = 10): Date {
  const date = new Date(now.getTime() - days * DAY_MS)
  // Keep history in the past: an event "0 days ago" must not land later today.
  if (days > 0) date.setUTCHours(hour, (days * 7) % 60, 0, 0)
  // Future dates (sunsets) fall on a UTC midnight, as announced sunsets usually do.
  else date.setUTCHours(0, 0, 0, 0)
  return date
}
