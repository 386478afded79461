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

/** The ids a row or an input names, most direct first: its own id, its `…Id` fields, a wrapped row's id. */
function idsIn(value: unknown): string[] {
  if (!value || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  const ids: string[] = []
  if (typeof record.id === 'string') ids.push(record.id)
  for (const [name, item] of Object.entries(record)) {
    if (name.endsWith('Id') && typeof item === 'string') ids.push(item)
  }
  // `{ key: {...}, value }` and similar wrappers: the row one level down.
  for (const item of Object.values(record)) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const nested = (item as Record<string, unknown>).id
      if (typeof nested === 'string') ids.push(nested)
    }
  }
  return ids.filter((id) => targetTypeOf(id))
}

/**
 * `fallback` is the target when neither the result nor the input names one (the path's last
 * parameter, the console's team). Among the ids they name, the one whose type the action names
 * wins ("version.delete" → the version, not the API its result mentions), else the most direct.
 */
export function describeChange(action: string, input: unknown, result: unknown, fallback?: string | null): AuditChange {
  const nouns = new Set(action.split('.').slice(0, -1))
  const candidates = [...idsIn(result), ...idsIn(input)]
  const targetId = candidates.find((id) => nouns.has(targetTypeOf(id)!)) ?? candidates[0] ?? fallback ?? null
  const isRow = result !== null && typeof result === 'object'
  return {
    action,
    targetType: targetId ? (targetTypeOf(targetId) ?? null) : null,
    targetId,
    after: isRow ? result : input,
  }
}

/**
 * How a console action describes its change: `audit` names it (false: it changed nothing), the
 * target comes from the result or the input, else `fallback` (the team).
 */
export function describeAs(audit: string | false, input: unknown, fallback: string) {
  return (result: unknown): AuditChange | null => (audit ? describeChange(audit, input, result, fallback) : null)
}
