import { microsToDecimal } from '@/lib/billing/money'
import { priceInput } from '@/lib/validation/price'
import type { AiModelConfig, AiProviderConfig, AiRouteConfig, ApiConfig, PlanConfig, VersionConfig } from './schemas'

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
    upstreamUrl: version.upstreamUrl ?? '',
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

export function normalProvider(provider: { name: string; kind: string; baseUrl: string }) {
  return { name: provider.name, kind: provider.kind as AiProviderConfig['kind'], baseUrl: provider.baseUrl }
}

/** A price as its canonical decimal ("0.0020" is "0.002"); one that does not parse stays as written. */
function normalPrice(text: string): string {
  const parsed = priceInput.safeParse(text)
  return parsed.success ? microsToDecimal(parsed.data) : text
}

export function normalModel(model: AiModelConfig) {
  return {
    name: model.name,
    provider: model.provider,
    providerModel: model.providerModel,
    kind: model.kind ?? 'CHAT',
    inputPricePerM: normalPrice(model.inputPricePerM),
    outputPricePerM: normalPrice(model.outputPricePerM),
    cachedInputPricePerM: model.cachedInputPricePerM == null ? null : normalPrice(model.cachedInputPricePerM),
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
  }
}

export function normalRoute(route: AiRouteConfig) {
  const strategy = route.strategy ?? 'FALLBACK'
  return {
    default: route.default ?? false,
    strategy,
    // A fallback route's weights mean nothing, and the console stores them as 1.
    targets: route.targets.map((t) => ({ model: t.model, weight: strategy === 'WEIGHTED' ? (t.weight ?? 1) : 1 })),
  }
}
