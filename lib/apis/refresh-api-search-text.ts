import type { Tx } from '@/lib/db'
import { parseStoredIndex } from '@/lib/catalog/read-contract-index'
import { buildSearchText } from './search-text'

/**
 * Rewrites Api.searchText from the API's name, description and tags and the operation summaries
 * of the contract the catalog shows: the newest PUBLISHED version, else the newest DEPRECATED one
 * (never a draft, whose words are not public yet). Its stored index has the summaries, so no
 * document is read. Runs in the transaction that changed any of those.
 */
export async function refreshApiSearchText(tx: Tx, teamId: string, apiId: string): Promise<void> {
  const api = await tx.api.findFirst({
    where: { id: apiId, teamId },
    select: { name: true, description: true, tags: { select: { tag: true } } },
  })
  if (!api) return
  const shown =
    (await newestIndex(tx, teamId, apiId, 'PUBLISHED')) ?? (await newestIndex(tx, teamId, apiId, 'DEPRECATED'))
  const summaries = parseStoredIndex(shown?.contractIndex ?? null)?.operations.flatMap((op) => op.summary ?? []) ?? []
  await tx.api.update({
    where: { id: apiId, teamId },
    data: {
      searchText: buildSearchText(
        api.name,
        api.description,
        api.tags.map((t) => t.tag),
        summaries,
      ),
    },
  })
}

function newestIndex(tx: Tx, teamId: string, apiId: string, state: 'PUBLISHED' | 'DEPRECATED') {
  return tx.apiVersion.findFirst({
    where: { apiId, teamId, state },
    orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }],
    select: { contractIndex: true },
  })
}
