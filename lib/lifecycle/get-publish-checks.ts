import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import type { OpenApiChange } from '@/lib/openapi/diff-openapi'
import { diffOpenApiTexts } from '@/lib/openapi/diff-openapi-off-thread'
import { validateForStorage, type OpenApiError } from '@/lib/openapi/validate-openapi'
import { checkUpstream, type UpstreamCheck } from './check-upstream'
import type { PublishVersionInput } from './schemas'
import { checkPublish, needsBreakingOverride, type GuardResult } from './state-machine'

export type PublishChecks = {
  version: { id: string; apiId: string; version: string; major: number; state: string; upstreamUrl: string }
  document: { ok: boolean; errors: OpenApiError[] }
  upstream: UpstreamCheck
  /** AI versions (chat and prompt): the exposed models with a route (null for REST, whose upstream is checked). */
  aiRoutes: { ok: boolean; models: string[] } | null
  plans: { ok: boolean; count: number }
  previous: { id: string; version: string; major: number } | null
  changes: OpenApiChange[]
  breakingCount: number
  needsOverride: boolean
  guard: GuardResult
}

/**
 * Runs every publish check without changing anything: the publish dialog shows the result, and
 * publishVersion runs it again on the server before it commits. The upstream check is a network
 * call, so it happens here, outside any transaction.
 */
export async function getPublishChecks(
  { teamId }: TeamReadScope,
  { versionId, override = false, overrideReason }: PublishVersionInput,
): Promise<PublishChecks> {
  const version = await db.apiVersion.findFirst({
    where: { id: versionId, teamId },
    include: { api: { select: { kind: true } } },
  })
  if (!version) throw notFound('Version')
  // AI versions call providers, not an upstream: a prompt's one route is stored like a chat model's.
  const isAi = version.api.kind === 'AI_CHAT' || version.api.kind === 'AI_PROMPT'

  const [document, upstream, aiRoutes, planCount, previous] = await Promise.all([
    // Only the verdict: the parsed document stays on the worker (the diff parses its own there).
    validateForStorage(version.openapi),
    // An AI version routes to providers, each checked with "test connection" on the AI page.
    isAi ? ({ ok: true, status: 0, ms: 0 } as const) : checkUpstream(version.upstreamUrl),
    isAi ? routedModels(teamId, version.id) : null,
    db.plan.count({ where: { apiId: version.apiId, teamId, archivedAt: null } }),
    // "Previous" is the contract consumers are on now: the latest published or deprecated one.
    db.apiVersion.findFirst({
      where: { apiId: version.apiId, teamId, id: { not: version.id }, state: { in: ['PUBLISHED', 'DEPRECATED'] } },
      orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, version: true, major: true, openapi: true },
    }),
  ])

  let changes: OpenApiChange[] = []
  if (previous && document.ok) {
    // Off the event loop: for a GitHub-sized pair the parses and the comparison take a second.
    // An AI version's contract is generated (models, variables as enums and closed objects), so the
    // generic diff reports a removed model or variable, a new required one, or a narrower enum.
    changes = await diffOpenApiTexts(previous.openapi, version.openapi)
  }
  const breakingCount = changes.filter((c) => c.breaking).length
  const facts = {
    state: version.state,
    documentValid: document.ok,
    upstreamAnswers: upstream.ok,
    aiRoutedModels: aiRoutes?.models.length,
    activePlanCount: planCount,
    major: version.major,
    previous: previous ? { major: previous.major, breakingChangeCount: breakingCount } : null,
    override,
    overrideReason,
  }
  return {
    version: {
      id: version.id,
      apiId: version.apiId,
      version: version.version,
      major: version.major,
      state: version.state,
      upstreamUrl: version.upstreamUrl,
    },
    document: { ok: document.ok, errors: document.ok ? [] : document.errors },
    upstream,
    aiRoutes,
    plans: { ok: planCount > 0, count: planCount },
    previous: previous ? { id: previous.id, version: previous.version, major: previous.major } : null,
    changes,
    breakingCount,
    needsOverride: needsBreakingOverride(facts),
    guard: checkPublish(facts),
  }
}

async function routedModels(teamId: string, versionId: string) {
  const rows = await db.aiVersionModel.findMany({
    where: { versionId, teamId, targets: { some: {} } },
    orderBy: { name: 'asc' },
    select: { name: true },
  })
  const models = rows.map((r) => r.name)
  return { ok: models.length > 0, models }
}
