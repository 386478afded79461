import { getAtPointer, unescapePointerToken } from './json-pointer.mjs'

// Contracts are never inlined whole: a handful of schemas that each refer ten times to the one
// before expand a 3 KB document a millionfold. Whoever needs a referenced object (the reference
// page, the diff, try-it) asks a resolver for it when it gets there. Look-ups are memoised per
// reference, chains are followed a bounded number of hops with loop detection, and every reader
// spends from one work budget, so no document can make a page view or a diff unbounded.

export class OpenApiBudgetError extends Error {
  constructor(readonly limit: number) {
    super(`The document needs more than ${limit} steps to read`)
    this.name = 'OpenApiBudgetError'
  }
}

export type Resolved = {
  /** The object (or value) the node stands for; the node itself when it is no reference. */
  value: unknown
  /** The first reference followed ("#/components/schemas/Pet"), or null. */
  ref: string | null
  /** The reference points at nothing, loops, or chains too long. */
  broken: boolean
  /** Keys written beside the $ref (3.1 allows `description` and `summary` there). */
  siblings: Record<string, unknown> | null
}

export type WorkMeter = {
  /** Counts `units` of work against the budget; throws OpenApiBudgetError past it. */
  spend(units?: number): void
}

export type RefResolver = WorkMeter & {
  readonly document: unknown
  resolve(node: unknown): Resolved
}

const MAX_HOPS = 16
/** Enough for every real contract we know of (a large cloud provider's is ~60k schema nodes). */
export const DEFAULT_WORK_BUDGET = 250_000

/** One budget several readers can share (the diff reads two documents against one). */
export function createWorkMeter(budget = DEFAULT_WORK_BUDGET): WorkMeter {
  let used = 0
  return {
    spend(units = 1) {
      used += units
      if (used > budget) throw new OpenApiBudgetError(budget)
    },
  }
}

export function createRefResolver(document: unknown, meter: WorkMeter = createWorkMeter()): RefResolver {
  const targets = new Map<string, { value: unknown; broken: boolean }>()
  const spend = meter.spend

  // Where a reference finally leads, memoised per reference string.
  const follow = (ref: string): { value: unknown; broken: boolean } => {
    const known = targets.get(ref)
    if (known) return known
    const chain = new Set<string>()
    let current = ref
    let outcome: { value: unknown; broken: boolean } = { value: undefined, broken: true }
    for (let hop = 0; hop < MAX_HOPS && !chain.has(current); hop++) {
      chain.add(current)
      spend()
      const cached = targets.get(current)
      const value = cached ? cached.value : getAtPointer(document, current)
      if (cached?.broken || value === undefined) break
      const next = localRef(value)
      if (next === null) {
        outcome = { value, broken: false }
        break
      }
      current = next
    }
    for (const visited of chain) targets.set(visited, outcome)
    return outcome
  }

  return {
    document,
    spend,
    resolve(node) {
      const ref = localRef(node)
      if (ref === null) return { value: node, ref: null, broken: false, siblings: null }
      const { value, broken } = follow(ref)
      const { $ref: _ref, ...rest } = node as Record<string, unknown>
      return { value: broken ? undefined : value, ref, broken, siblings: Object.keys(rest).length > 0 ? rest : null }
    },
  }
}

/** The local reference a node is, or null ("#/...", never a remote one: those are refused on save). */
export function localRef(node: unknown): string | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null
  const ref = (node as Record<string, unknown>).$ref
  return typeof ref === 'string' && (ref === '#' || ref.startsWith('#/')) ? ref : null
}

/** "#/components/schemas/Pet" → "Pet"; any other pointer is shown as written. */
export function refName(ref: string): string {
  const match = /^#\/components\/[^/]+\/([^/]+)$/.exec(ref)
  if (!match) return ref.replace(/^#/, '') || '(root)'
  try {
    return unescapePointerToken(decodeURIComponent(match[1]))
  } catch {
    return match[1]
  }
}
