import type { VersionState } from '@/generated/sqlite/enums'

// DRAFT → PUBLISHED → DEPRECATED → RETIRED, plus DRAFT → deleted. Nothing else, ever: a published
// contract is immutable, and a retired version stays retired so the gateway can keep answering 410.
// Everything here is pure so every rule can be tested without a database or a clock.

export type LifecycleAction = 'publish' | 'deprecate' | 'retire' | 'delete'

const TRANSITIONS: Record<LifecycleAction, { from: VersionState; to: VersionState | null }> = {
  publish: { from: 'DRAFT', to: 'PUBLISHED' },
  deprecate: { from: 'PUBLISHED', to: 'DEPRECATED' },
  retire: { from: 'DEPRECATED', to: 'RETIRED' },
  delete: { from: 'DRAFT', to: null },
}

export const DAY_MS = 24 * 60 * 60 * 1000

export type GuardFailure = { code: string; message: string; field?: string }
export type GuardResult = { ok: true } | { ok: false; failures: GuardFailure[] }

/** The state after `action`, or null for a deletion. Throws nothing: check `canTransition` first. */
export function targetState(action: LifecycleAction): VersionState | null {
  return TRANSITIONS[action].to
}

export function canTransition(from: VersionState, action: LifecycleAction): boolean {
  return TRANSITIONS[action].from === from
}

/** The actions a version in `state` allows, for deciding which buttons to show. */
export function allowedActions(state: VersionState): LifecycleAction[] {
  return (Object.keys(TRANSITIONS) as LifecycleAction[]).filter((action) => canTransition(state, action))
}

function transitionFailure(from: VersionState, action: LifecycleAction): GuardFailure {
  const needed = TRANSITIONS[action].from.toLowerCase()
  return {
    code: 'invalid_transition',
    message: `Cannot ${action} a ${from.toLowerCase()} version; only a ${needed} version can be ${action === 'delete' ? 'deleted' : `${action}d`}`,
  }
}

function result(failures: GuardFailure[]): GuardResult {
  return failures.length === 0 ? { ok: true } : { ok: false, failures }
}

export type PublishFacts = {
  state: VersionState
  documentValid: boolean
  upstreamAnswers: boolean
  /** AI versions only (chat and prompt): how many exposed models have a route. They have no upstream to check. */
  aiRoutedModels?: number
  activePlanCount: number
  major: number
  /** The most recent published or deprecated version of the same API, if any. */
  previous: { major: number; breakingChangeCount: number } | null
  override: boolean
  overrideReason?: string
}

/** Breaking changes need a new major, or an override with a reason (recorded in the event). */
export function needsBreakingOverride(facts: Pick<PublishFacts, 'major' | 'previous'>): boolean {
  return facts.previous !== null && facts.previous.breakingChangeCount > 0 && facts.major <= facts.previous.major
}

export function checkPublish(facts: PublishFacts): GuardResult {
  if (!canTransition(facts.state, 'publish')) return result([transitionFailure(facts.state, 'publish')])
  const failures: GuardFailure[] = []
  if (!facts.documentValid)
    failures.push({ code: 'invalid_document', field: 'openapi', message: 'The OpenAPI document does not validate' })
  if (facts.aiRoutedModels !== undefined) {
    if (facts.aiRoutedModels < 1)
      failures.push({ code: 'no_models', message: 'Expose at least one model, routed to a team model' })
  } else if (!facts.upstreamAnswers)
    failures.push({ code: 'upstream_unreachable', field: 'upstreamUrl', message: 'The upstream did not answer' })
  if (facts.activePlanCount < 1)
    failures.push({ code: 'no_plan', message: 'Add at least one plan to the API before publishing' })
  if (needsBreakingOverride(facts)) {
    if (!facts.override) {
      failures.push({
        code: 'breaking_changes',
        field: 'override',
        message: `${facts.previous!.breakingChangeCount} breaking change(s) under the same major version: publish as a new major version or override with a reason`,
      })
    } else if (!facts.overrideReason?.trim()) {
      failures.push({
        code: 'override_reason_required',
        field: 'overrideReason',
        message: 'Give a reason for publishing breaking changes under the same major version',
      })
    }
  }
  return result(failures)
}

export type DeprecateFacts = {
  state: VersionState
  now: Date
  sunsetAt: Date
  minSunsetDays: number
  versionId: string
  /** The chosen successor as loaded from the same API (null when none was chosen). */
  successor: { id: string; state: VersionState } | null
}

/** The first day a sunset may fall on: today (UTC) plus the notice period, so the date input's midnight counts. */
export function earliestSunset(now: Date, minSunsetDays: number): Date {
  const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return new Date(startOfDay + minSunsetDays * DAY_MS)
}

export function checkDeprecate(facts: DeprecateFacts): GuardResult {
  if (!canTransition(facts.state, 'deprecate')) return result([transitionFailure(facts.state, 'deprecate')])
  const failures: GuardFailure[] = []
  const earliest = earliestSunset(facts.now, facts.minSunsetDays)
  if (Number.isNaN(facts.sunsetAt.getTime()) || facts.sunsetAt < earliest) {
    failures.push({
      code: 'sunset_too_soon',
      field: 'sunsetAt',
      message: `The sunset date must be at least ${facts.minSunsetDays} days ahead (${earliest.toISOString().slice(0, 10)} or later)`,
    })
  }
  if (facts.successor) {
    if (facts.successor.id === facts.versionId)
      failures.push({ code: 'invalid_successor', field: 'successorId', message: 'A version cannot succeed itself' })
    else if (facts.successor.state !== 'PUBLISHED')
      failures.push({
        code: 'invalid_successor',
        field: 'successorId',
        message: 'The successor must be a published version of this API',
      })
  }
  return result(failures)
}

export type RetireFacts = {
  state: VersionState
  now: Date
  sunsetAt: Date | null
  /** Whether the actor holds 'apis.retire_early' (owners only). */
  canRetireEarly: boolean
  reason?: string
}

export function isBeforeSunset(now: Date, sunsetAt: Date | null): boolean {
  return sunsetAt !== null && now < sunsetAt
}

export function checkRetire(facts: RetireFacts): GuardResult {
  if (!canTransition(facts.state, 'retire')) return result([transitionFailure(facts.state, 'retire')])
  if (!isBeforeSunset(facts.now, facts.sunsetAt)) return result([])
  const sunset = facts.sunsetAt!.toISOString().slice(0, 10)
  if (!facts.canRetireEarly) {
    return result([
      {
        code: 'before_sunset',
        message: `This version can be retired from its sunset date (${sunset}); only an owner can retire it earlier`,
      },
    ])
  }
  if (!facts.reason?.trim()) {
    return result([
      {
        code: 'early_retire_reason_required',
        field: 'reason',
        message: `Retiring before the sunset date (${sunset}) needs a reason`,
      },
    ])
  }
  return result([])
}

export function checkDelete(state: VersionState): GuardResult {
  return canTransition(state, 'delete') ? result([]) : result([transitionFailure(state, 'delete')])
}

/** LIFECYCLE_MIN_SUNSET_DAYS (default 7): how much notice consumers get before a sunset. */
export function minSunsetDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LIFECYCLE_MIN_SUNSET_DAYS?.trim()
  const value = raw ? Number(raw) : Number.NaN
  return Number.isInteger(value) && value >= 0 ? value : 7
}
