import type { Tx } from '../db'

// The one row a one-row config change names, as the gateway needs it to patch its snapshot: read
// here by the gateway itself, or on PostgreSQL by the publisher inside its own transaction and
// carried in the NOTIFY payload, so that another instance applies the change without a read of its
// own (a read waits behind the instance's traffic: it made up most of the propagation lag). The
// payload goes only to sessions of the same database, which can read these rows anyway.

export const KEY_ROW_SELECT = {
  id: true,
  teamId: true,
  hash: true,
  expiresAt: true,
  revokedAt: true,
  graceEndsAt: true,
  team: { select: { slug: true } },
  subscriptions: { select: { subscriptionId: true } },
} as const

export type KeyRow = {
  id: string
  teamId: string
  hash: string
  expiresAt: Date | null
  revokedAt: Date | null
  graceEndsAt: Date | null
  team: { slug: string }
  subscriptions: { subscriptionId: string }[]
}

export const SUBSCRIPTION_ROW_SELECT = {
  id: true,
  apiId: true,
  planId: true,
  consumerTeamId: true,
  plan: {
    select: {
      id: true,
      name: true,
      rateLimit: true,
      rateWindow: true,
      paid: true,
      currency: true,
      pricePerCallMicros: true,
      pricePerMInputMicros: true,
      pricePerMOutputMicros: true,
      freeCallsPerMonth: true,
      tokensPerMinute: true,
    },
  },
} as const

export type SubscriptionRow = {
  id: string
  apiId: string
  planId: string
  consumerTeamId: string
  plan: {
    id: string
    name: string
    rateLimit: number | null
    rateWindow: 'SECOND' | 'MINUTE'
    paid: boolean
    currency: string
    pricePerCallMicros: bigint
    pricePerMInputMicros: bigint
    pricePerMOutputMicros: bigint
    freeCallsPerMonth: number
    tokensPerMinute: number | null
  }
}

export type VersionLabel = { teamSlug: string; apiSlug: string; version: string }

/** A version's lifecycle fields, with its successor's label when it has one. */
export type VersionRow = {
  state: string
  deprecatedAt: Date | null
  sunsetAt: Date | null
  successor: VersionLabel | null
}

export type ChangeRow =
  | { kind: 'key'; key: KeyRow }
  | { kind: 'subscription'; subscription: SubscriptionRow & { state: string } }
  | { kind: 'version'; version: VersionRow }

type Reader = Pick<Tx, 'apiKey' | 'subscription' | 'apiVersion'>
/** The change a row belongs to: a ConfigChange (config-change.ts, which encodes rows with these). */
type NamedRow = { readonly kind: ChangeRow['kind']; readonly id: string }

/** The row `change` names, as it stands for `client` (null: it is gone). */
export async function readChangeRow(client: Reader, change: NamedRow): Promise<ChangeRow | null> {
  switch (change.kind) {
    case 'key': {
      const key = await client.apiKey.findUnique({ where: { id: change.id }, select: KEY_ROW_SELECT })
      return key && { kind: 'key', key }
    }
    case 'subscription': {
      const subscription = await client.subscription.findUnique({
        where: { id: change.id },
        select: { ...SUBSCRIPTION_ROW_SELECT, state: true },
      })
      return subscription && { kind: 'subscription', subscription }
    }
    case 'version': {
      const row = await client.apiVersion.findUnique({
        where: { id: change.id },
        select: { state: true, deprecatedAt: true, sunsetAt: true, successorId: true },
      })
      if (!row) return null
      const successor = row.successorId
        ? await client.apiVersion.findUnique({
            where: { id: row.successorId },
            select: { version: true, api: { select: { slug: true, team: { select: { slug: true } } } } },
          })
        : null
      const label = successor && {
        teamSlug: successor.api.team.slug,
        apiSlug: successor.api.slug,
        version: successor.version,
      }
      return {
        kind: 'version',
        version: { state: row.state, deprecatedAt: row.deprecatedAt, sunsetAt: row.sunsetAt, successor: label },
      }
    }
  }
}

// JSON with dates and 64-bit money intact: {"$date": ISO} and {"$bigint": digits}.
type Tagged = { $date?: string; $bigint?: string }

export function encodeChangeRow(row: ChangeRow): string {
  return JSON.stringify(row, function (this: Record<string, unknown>, name, value: unknown) {
    const raw = this[name]
    if (raw instanceof Date) return { $date: raw.toISOString() }
    if (typeof value === 'bigint') return { $bigint: value.toString() }
    return value
  })
}

/** The row in a payload's text; null when it is not one this code wrote for `change`. */
export function decodeChangeRow(text: string, change: NamedRow): ChangeRow | null {
  let row: ChangeRow
  try {
    row = JSON.parse(text, (_name, value: unknown) => {
      if (value === null || typeof value !== 'object') return value
      const tagged = value as Tagged
      if (typeof tagged.$date === 'string') return new Date(tagged.$date)
      if (typeof tagged.$bigint === 'string') return BigInt(tagged.$bigint)
      return value
    }) as ChangeRow
  } catch {
    return null
  }
  if (row?.kind !== change.kind) return null
  const id = row.kind === 'key' ? row.key?.id : row.kind === 'subscription' ? row.subscription?.id : change.id
  return id === change.id ? row : null
}
