import type { TeamScope } from '@/lib/auth/actor'
import { markAuditedWithoutChange, withAuditOrigin } from '@/lib/audit/audit-context'
import { db, type Db, type Tx } from '@/lib/db'
import { AppError } from '@/lib/errors/app-error'
import { toAppError } from '@/lib/errors/to-problem'
import { planAiChanges, providersWithoutKey } from './plan-ai-changes'
import { planAiRoutes, routedVersions } from './plan-ai-routes'
import { planPrune, readLiveSubscriptions } from './plan-prune'
import { planApiChanges, type ConfigPlan } from './plan-api-changes'
import { planPromptVersions } from './plan-prompt-versions'
import { readTeamAi, readTeamApis } from './read-team-config'
import type { ConfigChange, ConfigFile } from './schemas'

// diff and apply: the same plan, computed from the team's current state. apply runs it in ONE
// transaction (all or nothing) after refusing any conflict, such as a change to a published
// contract, before it writes anything. A file that matches the team changes nothing at all.

// A large file validates many contracts inside the transaction; Prisma's 5 s default is too short.
const APPLY_TIMEOUT_MS = 120_000

export type ConfigDiff = {
  changes: ConfigChange[]
  summary: Record<ConfigChange['change'], number>
  /** The file's AI providers without a key: set it in the console (a key never travels in a file). */
  needsKey: string[]
}

type PlannedConfig = ConfigPlan & { needsKey: string[] }

// Providers and models first (the models name providers, the routes models), the APIs, then the
// AI versions saved with their routes (which name an API the file may create), and last the prompt
// versions (which name those models and routes).
/** `prune`: also remove what the file leaves out (plan-prune.ts); off, apply never deletes. */
export type ConfigOptions = { prune?: boolean }

async function planConfig(
  scope: TeamScope,
  file: ConfigFile,
  client: Db | Tx,
  { prune = false }: ConfigOptions,
): Promise<PlannedConfig> {
  const storedApis = await readTeamApis(scope, client)
  const storedAi = await readTeamAi(scope, client)
  const apis = planApiChanges(scope, file.apis, storedApis, routedVersions(file))
  const ai = planAiChanges(scope, file.ai, storedAi)
  const routes = planAiRoutes(scope, file, { apis: storedApis, ai: storedAi, prune })
  const prompts = planPromptVersions(scope, file.apis, storedApis)
  const pruned = prune
    ? planPrune(scope, { file, apis: storedApis, ai: storedAi, live: await readLiveSubscriptions(scope, client) })
    : { changes: [], writes: [], conflicts: [] }
  const parts = [apis, ai, routes, prompts, pruned]
  return {
    changes: parts.flatMap((part) => part.changes),
    // Deletes last: the routes that stop naming a model are rewritten before the model goes.
    writes: [...ai.writes, ...apis.writes, ...routes.writes, ...prompts.writes, ...pruned.writes],
    conflicts: parts.flatMap((part) => part.conflicts),
    needsKey: providersWithoutKey(file.ai, storedAi),
  }
}

function diffOf(plan: PlannedConfig): ConfigDiff {
  const summary = { create: 0, update: 0, unchanged: 0, delete: 0 }
  for (const change of plan.changes) summary[change.change]++
  return { changes: plan.changes, summary, needsKey: plan.needsKey }
}

export async function diffConfig(scope: TeamScope, file: ConfigFile, options: ConfigOptions = {}): Promise<ConfigDiff> {
  return diffOf(await planConfig(scope, file, db, options))
}

export async function applyConfig(
  scope: TeamScope,
  file: ConfigFile,
  options: ConfigOptions = {},
): Promise<ConfigDiff & { applied: boolean }> {
  return withAuditOrigin('CONFIG', () =>
    db.$transaction(
      async (tx) => {
        const plan = await planConfig(scope, file, tx, options)
        if (plan.conflicts.length) throw conflictOf(plan)
        for (const write of plan.writes) await runAt(write, tx)
        if (!plan.writes.length) markAuditedWithoutChange()
        return { ...diffOf(plan), applied: plan.writes.length > 0 }
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 10_000 },
    ),
  )
}

/** A write's refusal (an invalid contract, a taken name) with its fields at their place in the file. */
async function runAt(write: ConfigPlan['writes'][number], tx: Tx): Promise<void> {
  try {
    await write.run(tx)
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) throw error
    const fieldErrors = Object.fromEntries(
      Object.entries(appError.fieldErrors ?? { _: [appError.message] }).map(([field, messages]) => [
        field === '_' ? write.at : `${write.at}.${field}`,
        messages,
      ]),
    )
    throw new AppError({
      code: appError.code,
      status: appError.status,
      message: `Nothing was applied: ${write.at}: ${appError.message}`,
      fieldErrors,
    })
  }
}

function conflictOf(plan: ConfigPlan): AppError {
  const [first] = plan.conflicts
  const more = plan.conflicts.length > 1 ? ` (and ${plan.conflicts.length - 1} more)` : ''
  return new AppError({
    code: 'config_conflict',
    status: 409,
    message: `Nothing was applied: ${first.name} cannot change: ${first.reason}${more}`,
    fieldErrors: Object.fromEntries(plan.conflicts.map((c) => [c.name, [c.reason]])),
  })
}
