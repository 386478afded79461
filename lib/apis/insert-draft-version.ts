import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { recordTransition } from '@/lib/lifecycle/record-transition'
import { labelTaken } from './create-version'
import type { StoredContract } from './prepare-contract'
import { majorOf } from './schemas'

// The one way a DRAFT version row is added beside a generated design (AI chat routes, a prompt
// template): the label must be free, and the row, the design's own rows (`writeDesign`) and the
// lifecycle's "create" event are written in one transaction (the caller's when given), so nothing
// is ever half-saved.

export type DraftVersionRow = {
  apiId: string
  version: string
  contract: Pick<StoredContract, 'openapi'> & Partial<StoredContract>
  upstreamUrl: string
}

export async function insertDraftVersion(
  scope: TeamScope,
  row: DraftVersionRow,
  writeDesign: (tx: Tx, versionId: string) => Promise<void>,
  tx?: Tx,
): Promise<{ versionId: string; version: string; created: true }> {
  const { teamId } = scope
  const taken = await (tx ?? db).apiVersion.findFirst({ where: { apiId: row.apiId, teamId, version: row.version } })
  if (taken) throw labelTaken(row.version)
  try {
    const insert = async (client: Tx) => {
      const version = await client.apiVersion.create({
        data: {
          id: createId('ver'),
          apiId: row.apiId,
          teamId,
          version: row.version,
          major: majorOf(row.version),
          ...row.contract,
          upstreamUrl: row.upstreamUrl,
        },
        select: { id: true, version: true },
      })
      await writeDesign(client, version.id)
      await recordTransition(
        scope,
        { apiId: row.apiId, versionId: version.id, from: null, to: 'DRAFT', action: 'create' },
        client,
      )
      return { versionId: version.id, version: version.version, created: true as const }
    }
    return await (tx ? insert(tx) : db.$transaction(insert))
  } catch (error) {
    // Two saves of the same label at once: the unique index decides, and the loser is told why.
    if ((error as { code?: string }).code === 'P2002') throw labelTaken(row.version)
    throw error
  }
}

/**
 * Replaces a DRAFT's generated contract and, in the same transaction, its design rows
 * (`rewriteDesign` deletes and writes them). The state condition makes a concurrent publish win
 * cleanly: the save then matches nothing and is refused as a missing draft.
 */
export async function rewriteDraftVersion(
  teamId: string,
  versionId: string,
  contract: DraftVersionRow['contract'],
  rewriteDesign: (tx: Tx) => Promise<void>,
  tx?: Tx,
): Promise<void> {
  const rewrite = async (client: Tx) => {
    const { count } = await client.apiVersion.updateMany({
      where: { id: versionId, teamId, state: 'DRAFT' },
      data: contract,
    })
    if (count === 0) throw notFound('Draft version')
    await rewriteDesign(client)
  }
  await (tx ? rewrite(tx) : db.$transaction(rewrite))
}
