import type { Db } from '@/lib/db'
import { promptDesignFromRow } from './prompt-schemas'
import { promptSpecOf, type PromptSpec } from './prompt-request'

// The templates of AI_PROMPT versions, parsed once per snapshot load (or per playground run), keyed
// by version id. A version without a template row (never saved through the prompt form) has none
// and is not routable; a row whose JSON no longer parses is skipped and logged, like a bad target.

export async function loadPromptSpecs(
  db: Db,
  versions: readonly { id: string; teamId: string }[],
): Promise<Map<string, PromptSpec>> {
  const specs = new Map<string, PromptSpec>()
  if (versions.length === 0) return specs
  const teamOf = new Map(versions.map((v) => [v.id, v.teamId]))
  const rows = await db.aiPromptTemplate.findMany({ where: { versionId: { in: [...teamOf.keys()] } } })
  for (const row of rows) {
    if (teamOf.get(row.versionId) !== row.teamId) continue
    try {
      specs.set(row.versionId, promptSpecOf(promptDesignFromRow(row)))
    } catch (error) {
      console.error(`[gateway] prompt of version ${row.versionId} skipped: ${(error as Error).name}`)
    }
  }
  return specs
}
