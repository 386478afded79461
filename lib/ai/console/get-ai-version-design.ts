import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import type { AiDesign } from './ai-version-schemas'

/** A version's stored routes as the design form edits them; null for another team's version. */
export async function getAiVersionDesign(
  { teamId }: TeamReadScope,
  { versionId }: { versionId: string },
): Promise<AiDesign | null> {
  const rows = await db.aiVersionModel.findMany({
    where: { versionId, teamId },
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
    select: {
      name: true,
      isDefault: true,
      strategy: true,
      targets: { orderBy: { position: 'asc' }, select: { modelId: true, weight: true } },
    },
  })
  if (rows.length === 0) return null
  return {
    models: rows.map((r) => ({ name: r.name, strategy: r.strategy, targets: r.targets })),
    defaultModel: rows.find((r) => r.isDefault)?.name ?? rows[0].name,
  }
}
