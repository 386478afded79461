import { db } from '@/lib/db'
import { buildContractIndex, CONTRACT_INDEX_VERSION, type ContractIndex } from '@/lib/openapi/build-contract-index.mjs'
import { loadStoredContract } from './stored-contract-cache'

export type { ContractIndex }

type IndexedVersion = { id: string; teamId: string; updatedAt: Date; contractIndex: string | null }

/**
 * What a reference page lists of a version: the index stored when its contract was saved. A row
 * saved before indexes existed gets one derived from its document (parsed, not validated: it was
 * validated when saved) and stored, once. Null when the stored document cannot be read.
 */
export async function readContractIndex(version: IndexedVersion): Promise<ContractIndex | null> {
  const stored = parseStoredIndex(version.contractIndex)
  if (stored) return stored
  const loaded = await loadStoredContract(version, async () => {
    const row = await db.apiVersion.findFirst({
      where: { id: version.id, teamId: version.teamId },
      select: { openapi: true },
    })
    return row?.openapi ?? ''
  })
  if (!loaded.ok) return null
  const index = buildContractIndex(loaded.document)
  await db.apiVersion.updateMany({
    where: { id: version.id, teamId: version.teamId, updatedAt: version.updatedAt },
    data: { contractIndex: JSON.stringify(index) },
  })
  return index
}

/** A stored index, or null when there is none or it is of an older shape. */
export function parseStoredIndex(text: string | null): ContractIndex | null {
  if (!text) return null
  try {
    const index = JSON.parse(text) as ContractIndex
    return index?.v === CONTRACT_INDEX_VERSION ? index : null
  } catch {
    return null
  }
}
