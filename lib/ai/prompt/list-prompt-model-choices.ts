import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** One entry of a prompt version's model picker: a team chat model, or one of its AI_CHAT routes. */
export type PromptModelChoice = { kind: 'model' | 'route'; id: string; label: string }

/**
 * What an AI_PROMPT version may run on: the team's chat models, then the exposed models of its
 * AI_CHAT versions ("route: <api> <version> / <model>"), whose fallbacks the prompt copies. Retired
 * versions are left out: their routes are no longer served.
 */
export async function listPromptModelChoices({ teamId }: TeamReadScope): Promise<PromptModelChoice[]> {
  const [models, routes] = await Promise.all([
    db.aiModel.findMany({
      where: { teamId, kind: 'CHAT' },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, provider: { select: { name: true } } },
      take: 500,
    }),
    db.aiVersionModel.findMany({
      where: {
        teamId,
        version: { teamId, state: { not: 'RETIRED' }, api: { kind: 'AI_CHAT' } },
        targets: { some: { model: { kind: 'CHAT' } } },
      },
      orderBy: [{ version: { api: { name: 'asc' } } }, { version: { major: 'desc' } }, { name: 'asc' }],
      select: { id: true, name: true, version: { select: { version: true, api: { select: { name: true } } } } },
      take: 500,
    }),
  ])
  return [
    ...models.map((m) => ({ kind: 'model' as const, id: m.id, label: `${m.name} (${m.provider.name})` })),
    ...routes.map((r) => ({
      kind: 'route' as const,
      id: r.id,
      label: `route: ${r.version.api.name} ${r.version.version} / ${r.name}`,
    })),
  ]
}
