import type { ApiConfig, PlanConfig, VersionConfig } from './schemas'

// Each resource with the defaults a missing field stands for (the Prisma schema's), so a file that
// leaves out `approval: AUTO` compares equal to a plan stored with it, and a second apply of the
// same file finds nothing to change.

export function normalApi(api: ApiConfig) {
  return {
    slug: api.slug,
    name: api.name,
    description: api.description ?? '',
    kind: api.kind ?? 'REST',
    visibility: api.visibility ?? 'INTERNAL',
    tags: [...(api.tags ?? [])].sort(),
  }
}

export function normalVersion(version: VersionConfig) {
  return {
    version: version.version,
    upstreamUrl: version.upstreamUrl,
    timeoutMs: version.timeoutMs ?? 30_000,
    openapi: version.openapi,
  }
}

export function normalPlan(plan: PlanConfig) {
  return {
    name: plan.name,
    description: plan.description ?? '',
    rateLimit: plan.rateLimit ?? null,
    rateWindow: plan.rateWindow ?? 'MINUTE',
    approval: plan.approval ?? 'AUTO',
    paid: plan.paid ?? false,
    currency: plan.currency ?? 'USD',
    pricePerCall: plan.pricePerCall ?? 0n,
    pricePerMInput: plan.pricePerMInput ?? 0n,
    pricePerMOutput: plan.pricePerMOutput ?? 0n,
    freeCallsPerMonth: plan.freeCallsPerMonth ?? 0,
    tokensPerMinute: plan.tokensPerMinute ?? null,
  }
}

/** The fields whose values differ (arrays and objects by their JSON). */
export function differingFields<T extends object>(was: T, wanted: T): string[] {
  const text = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v))
  return (Object.keys(wanted) as Array<keyof T & string>).filter((field) => text(was[field]) !== text(wanted[field]))
}
