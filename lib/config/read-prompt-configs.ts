import type { TeamReadScope } from '@/lib/auth/actor'
import { promptDesignFromRow } from '@/lib/ai/prompt/prompt-schemas'
import { db, type Db, type Tx } from '@/lib/db'
import type { PromptConfigDocument } from './schemas'

// An AI_PROMPT version's prompt as the file states it. The template row holds the design; what it
// runs on is a copy of a route (save-prompt-version.ts), so it is named again by shape, as the
// console's picker does (get-prompt-version-design.ts): one target named like its model is that
// model; otherwise the AI chat route of the same name with the same targets in the same order.

type RouteRow = {
  name: string
  targets: Array<{ modelId: string; model: { name: string } }>
  version: { version: string; api: { slug: string } }
}

/** Each prompt version's `prompt` block, by version id. */
export async function readPromptConfigs(
  { teamId }: TeamReadScope,
  client: Db | Tx = db,
): Promise<Map<string, PromptConfigDocument>> {
  const templates = await client.aiPromptTemplate.findMany({ where: { teamId } })
  if (!templates.length) return new Map()
  const routeSelect = {
    name: true,
    versionId: true,
    targets: { orderBy: { position: 'asc' as const }, select: { modelId: true, model: { select: { name: true } } } },
    version: { select: { version: true, api: { select: { slug: true } } } },
  }
  const promptRoutes = await client.aiVersionModel.findMany({
    where: { teamId, versionId: { in: templates.map((t) => t.versionId) } },
    select: routeSelect,
  })
  const chatRoutes = await client.aiVersionModel.findMany({
    where: { teamId, version: { teamId, api: { kind: 'AI_CHAT' } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: routeSelect,
  })
  return new Map(
    templates.map((row) => {
      const route = promptRoutes.find((r) => r.versionId === row.versionId)
      return [row.versionId, { ...promptDesignFromRow(row), ...(route ? runsOn(route, chatRoutes) : {}) }]
    }),
  )
}

function runsOn(route: RouteRow, chatRoutes: RouteRow[]): { model: string } | { chatRoute: string } {
  const ids = (r: RouteRow) => r.targets.map((t) => t.modelId).join()
  const [first] = route.targets
  if (route.targets.length === 1 && route.name === first.model.name) return { model: first.model.name }
  const same = chatRoutes.find((c) => c.name === route.name && ids(c) === ids(route))
  if (same) return { chatRoute: `${same.version.api.slug}/${same.version.version}/${same.name}` }
  // The AI chat route it was copied from has changed since: its first model is the nearest choice.
  return { model: first.model.name }
}
