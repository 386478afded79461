import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { createPromptVersion, updatePromptVersion } from '@/lib/ai/prompt/save-prompt-version'
import type { Tx } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { differingFields, normalVersion } from './normal-forms'
import { changeOf } from './plan-ai-changes'
import { apiIdOf } from './plan-ai-routes'
import type { ConfigPlan } from './plan-api-changes'
import type { StoredApi } from './read-team-config'
import { versionConfigSchema, type ApiConfig, type PromptConfig, type VersionConfig } from './schemas'

// AI_PROMPT versions: their contract is generated from their prompt, so the file states the prompt
// and apply saves it through the console's createPromptVersion / updatePromptVersion (a new
// version is a draft). A published prompt is part of its contract: a change to it is refused.
// These writes run after the AI routes', so `chatRoute` may name a route the same file creates.

export function planPromptVersions(scope: TeamScope, file: ApiConfig[], stored: StoredApi[]): ConfigPlan {
  const plan: ConfigPlan = { changes: [], writes: [], conflicts: [] }
  for (const [apiIndex, api] of file.entries()) {
    const current = stored.find((a) => a.slug === api.slug)
    if ((current?.kind ?? api.kind) !== 'AI_PROMPT') {
      for (const version of api.versions.filter((v) => v.prompt))
        plan.conflicts.push({
          name: `${api.slug} ${version.version}`,
          reason: 'only an AI prompt API’s versions have a prompt',
        })
      continue
    }
    for (const [versionIndex, version] of api.versions.entries()) {
      const at = `apis.${apiIndex}.versions.${versionIndex}`
      const name = `${api.slug} ${version.version}`
      const index = current?.versions?.findIndex((v) => v.version === version.version) ?? -1
      const row = index >= 0 ? current!.versionRows[index] : undefined
      const was = row ? normalPrompt(versionConfigSchema.parse(current!.versions![index])) : undefined
      const wanted = normalPrompt(version)
      // A file may leave a version's prompt out: then only its other fields compare.
      if (was && version.prompt === undefined) delete (was as { prompt?: unknown }).prompt
      // A new one gets the default timeout: the console's save takes none.
      const fields = was ? differingFields(was, wanted) : wanted.timeoutMs === 30_000 ? [] : ['timeoutMs']
      plan.changes.push(changeOf('version', name, Boolean(row), fields))
      const prompt = version.prompt
      if (row && !fields.length) continue
      if (row && row.state !== 'DRAFT')
        plan.conflicts.push({ name, reason: `it is ${row.state.toLowerCase()}, and a published prompt never changes` })
      else if (fields.some((field) => field !== 'prompt'))
        plan.conflicts.push({ name, reason: `${fields.join(', ')}: a prompt version’s contract comes from its prompt` })
      else if (!prompt) plan.conflicts.push({ name, reason: 'a new AI prompt version needs its prompt' })
      else
        plan.writes.push({
          at: `${at}.prompt`,
          run: async (tx) => {
            const design = { ...designOf(prompt), ...(await runsOnIds(scope, prompt, tx)) }
            const saved = row
              ? await updatePromptVersion(scope, { ...design, versionId: row.id }, tx)
              : await createPromptVersion(
                  scope,
                  { ...design, apiId: await apiIdOf(scope, api.slug, tx), version: version.version },
                  tx,
                )
            await recordAuditChange(
              {
                action: saved.created ? 'version.create' : 'version.update',
                targetType: 'version',
                targetId: saved.versionId,
                after: { version: version.version, prompt: { ...prompt } },
              },
              tx,
            )
          },
        })
    }
  }
  return plan
}

function normalPrompt(version: VersionConfig) {
  const { openapi: _openapi, upstreamUrl: _upstream, ...rest } = normalVersion(version)
  return { ...rest, prompt: version.prompt }
}

function designOf({ model: _model, chatRoute: _chatRoute, ...design }: PromptConfig) {
  return design
}

/** The ids the console's save takes, from the names in the file, read in the apply's transaction. */
async function runsOnIds({ teamId }: TeamScope, prompt: PromptConfig, tx: Tx) {
  if (prompt.model !== undefined) {
    const model = await tx.aiModel.findFirst({ where: { teamId, name: prompt.model }, select: { id: true } })
    if (!model) throw invalid('Run the prompt on one of the team’s chat models', { model: ['No such model'] })
    return { modelId: model.id }
  }
  const [slug, version, ...rest] = (prompt.chatRoute ?? '').split('/')
  const route = await tx.aiVersionModel.findFirst({
    where: { teamId, name: rest.join('/'), version: { teamId, version, api: { teamId, slug, kind: 'AI_CHAT' } } },
    select: { id: true },
  })
  if (!route) throw invalid('Name an AI chat route as api/version/route', { chatRoute: ['No such AI chat route'] })
  return { chatRouteId: route.id }
}
