import type { AuditChange } from './write-audit-entry'

// The entry a transport can write by itself when the domain function recorded nothing finer: the
// action's name, the target found in what the call returned or was given (ids carry a readable
// prefix, lib/ids.ts, which names the target's type), and what it returned or was given as `after`.

const TARGET_TYPES: Record<string, string> = {
  api: 'api',
  ver: 'version',
  plan: 'plan',
  sub: 'subscription',
  key: 'key',
  inc: 'incident',
  mtk: 'management_token',
  inv: 'invite',
  mem: 'membership',
  usr: 'user',
  aip: 'ai_provider',
  aim: 'ai_model',
  whd: 'webhook_delivery',
  team: 'team',
  topup: 'top_up',
}

/** The type an id names by its prefix ("plan_…" → plan), or null for an id of no known kind. */
export function targetTypeOf(id: string): string | null {
  const prefix = id.split('_')[0]
  return TARGET_TYPES[prefix] ?? null
}

function firstId(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null
  const record = value as Record<string, unknown>
  if (typeof record.id === 'string' && targetTypeOf(record.id)) return record.id
  for (const [name, item] of Object.entries(record)) {
    if (name.endsWith('Id') && typeof item === 'string' && targetTypeOf(item)) return item
  }
  // `{ key: {...}, value }` and similar wrappers: the row one level down.
  for (const item of Object.values(record)) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const nested = (item as Record<string, unknown>).id
      if (typeof nested === 'string' && targetTypeOf(nested)) return nested
    }
  }
  return null
}

export function describeChange(action: string, input: unknown, result: unknown, target?: string | null): AuditChange {
  const targetId = firstId(result) ?? firstId(input) ?? target ?? null
  const isRow = result !== null && typeof result === 'object'
  return {
    action,
    targetType: targetId ? (targetTypeOf(targetId) ?? null) : null,
    targetId,
    after: isRow ? result : input,
  }
}
