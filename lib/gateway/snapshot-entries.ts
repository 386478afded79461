import type { KeyRow, SubscriptionRow, VersionLabel } from '../config-events/change-rows'
import { buildLifecycleHeaders, gatewayUrl } from './lifecycle-headers'
import type { KeyEntry, RouteEntry, RouteState, SubscriptionEntry } from './snapshot-types'

// Database rows to snapshot entries, shared by the full load (load-snapshot.ts) and the one-row
// delta (apply-config-delta.ts), so both build exactly the same entry from the same row. The rows'
// shapes are the config events' (change-rows.ts), which a NOTIFY payload may carry.

const WINDOW_MS = { SECOND: 1_000, MINUTE: 60_000 } as const

const toMs = (date: Date | null): number => (date ? date.getTime() : Infinity)

export function toKeyEntry(k: KeyRow): KeyEntry {
  return {
    id: k.id,
    teamId: k.teamId,
    teamSlug: k.team.slug,
    expiresAt: toMs(k.expiresAt),
    revokedAt: toMs(k.revokedAt),
    graceEndsAt: toMs(k.graceEndsAt),
    allowedSubscriptions: k.subscriptions.length > 0 ? new Set(k.subscriptions.map((s) => s.subscriptionId)) : null,
  }
}

export function toSubscriptionEntry(s: SubscriptionRow): SubscriptionEntry {
  const rateLimit = s.plan.rateLimit && s.plan.rateLimit > 0 ? s.plan.rateLimit : 0
  const windowMs = WINDOW_MS[s.plan.rateWindow]
  return {
    id: s.id,
    planId: s.planId,
    consumerTeamId: s.consumerTeamId,
    rateLimit,
    windowMs,
    ratePolicy: `${rateLimit};w=${windowMs / 1000}`,
    rateLimitText: String(rateLimit),
    plan: {
      id: s.plan.id,
      name: s.plan.name,
      paid: s.plan.paid,
      currency: s.plan.currency,
      pricePerCallMicros: s.plan.pricePerCallMicros,
      pricePerMInputMicros: s.plan.pricePerMInputMicros,
      pricePerMOutputMicros: s.plan.pricePerMOutputMicros,
      freeCallsPerMonth: s.plan.freeCallsPerMonth,
      tokensPerMinute: s.plan.tokensPerMinute && s.plan.tokensPerMinute > 0 ? s.plan.tokensPerMinute : 0,
    },
  }
}

/** A route's lifecycle fields from its version row: its state, Deprecation/Sunset/Link headers and successor. */
export function routeLifecycle(
  v: { state: string; deprecatedAt: Date | null; sunsetAt: Date | null },
  successorLabel: VersionLabel | undefined,
): Pick<RouteEntry, 'state' | 'lifecycleHeaders' | 'successor'> {
  const successor = successorLabel
    ? {
        version: successorLabel.version,
        url: gatewayUrl(successorLabel.teamSlug, successorLabel.apiSlug, successorLabel.version),
      }
    : null
  const state = v.state as RouteState
  const lifecycleHeaders =
    state === 'DEPRECATED'
      ? buildLifecycleHeaders({
          deprecatedAt: v.deprecatedAt,
          sunsetAt: v.sunsetAt,
          successorUrl: successor?.url ?? null,
        })
      : []
  return { state, lifecycleHeaders, successor }
}
