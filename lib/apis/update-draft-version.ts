import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { assertOutboundUrl } from '@/lib/net/check-outbound-url'
import { aiContractIsGenerated, createVersion } from './create-version'
import { nextVersionLabel } from './next-version-label'
import { prepareContract } from './prepare-contract'
import { updateDraftVersionSchema, type UpdateDraftVersionInput } from './schemas'

/**
 * Edits a draft in place. A published (or later) contract is immutable: editing it creates a new
 * DRAFT version carrying the edits instead, labelled `input.version` or the next major.
 * Returns the id of the version that now holds the edits and whether it is new.
 */
/** The version that holds the saved contract, and whether it was created by this save. */
export type SavedVersion = { versionId: string; version: string; created: boolean }

export async function updateDraftVersion(
  scope: TeamScope,
  input: UpdateDraftVersionInput,
  tx?: Tx,
): Promise<SavedVersion> {
  const { teamId } = scope
  const { versionId, version: newLabel, ...fields } = updateDraftVersionSchema.parse(input)
  const client = tx ?? db
  const current = await client.apiVersion.findFirst({
    where: { id: versionId, teamId },
    include: { api: { select: { kind: true } } },
  })
  if (!current) throw notFound('Version')
  if (current.api.kind !== 'REST') throw aiContractIsGenerated()

  if (current.state !== 'DRAFT') {
    const majors = await client.apiVersion.findMany({
      where: { apiId: current.apiId, teamId },
      select: { major: true },
    })
    const created = await createVersion(
      scope,
      {
        apiId: current.apiId,
        version: newLabel ?? nextVersionLabel(majors.map((m) => m.major)),
        // A converted contract is carried over as the author wrote it, and converted again.
        openapi: fields.openapi ?? current.openapiSource ?? current.openapi,
        upstreamUrl: fields.upstreamUrl ?? current.upstreamUrl,
        timeoutMs: fields.timeoutMs ?? current.timeoutMs,
      },
      tx,
    )
    return { versionId: created.id, version: created.version, created: true }
  }

  const { openapi, ...rest } = fields
  const contract = openapi !== undefined ? await prepareContract(openapi) : {}
  if (fields.upstreamUrl !== undefined) await assertOutboundUrl(fields.upstreamUrl, 'upstreamUrl')
  // The state condition makes a concurrent publish win cleanly: this update then matches nothing.
  const { count } = await client.apiVersion.updateMany({
    where: { id: versionId, teamId, state: 'DRAFT' },
    data: { ...rest, ...contract },
  })
  if (count === 0) throw notFound('Draft version')
  return { versionId, version: current.version, created: false }
}
