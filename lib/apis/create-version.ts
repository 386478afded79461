import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { db, type Tx } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { recordTransition } from '@/lib/lifecycle/record-transition'
import { assertOutboundUrl } from '@/lib/net/check-outbound-url'
import { prepareContract } from './prepare-contract'
import { createVersionSchema, majorOf, type CreateVersionInput } from './schemas'

/**
 * Adds a DRAFT version. The document must validate: an invalid contract is never stored, so
 * everything downstream (publish, the reference page, the diff) can trust what it loads. What
 * pages need of it is derived here, once (prepare-contract.ts). Joins the caller's transaction when
 * given one.
 */
export async function createVersion(scope: TeamScope, input: CreateVersionInput, tx?: Tx) {
  const { teamId } = scope
  const data = createVersionSchema.parse(input)
  const client = tx ?? db
  const api = await client.api.findFirst({ where: { id: data.apiId, teamId }, select: { id: true, kind: true } })
  if (!api) throw notFound('API')
  if (api.kind !== 'REST') throw aiContractIsGenerated()
  const contract = await prepareContract(data.openapi)
  await assertOutboundUrl(data.upstreamUrl, 'upstreamUrl')
  const existing = await client.apiVersion.findFirst({
    where: { apiId: api.id, teamId, version: data.version },
    select: { id: true },
  })
  if (existing) throw labelTaken(data.version)
  const insert = async (tx: Tx) => {
    const version = await tx.apiVersion.create({
      data: {
        id: createId('ver'),
        apiId: api.id,
        teamId,
        version: data.version,
        major: majorOf(data.version),
        ...contract,
        upstreamUrl: data.upstreamUrl,
        ...(data.timeoutMs !== undefined ? { timeoutMs: data.timeoutMs } : {}),
      },
      select: { id: true, version: true, major: true, state: true },
    })
    await recordTransition(
      scope,
      { apiId: api.id, versionId: version.id, from: null, to: 'DRAFT', action: 'create' },
      tx,
    )
    // The contract itself is in the version row; the entry says which one and where it points.
    await recordAuditChange(
      {
        action: 'version.create',
        targetType: 'version',
        targetId: version.id,
        after: { apiId: api.id, version: data.version, upstreamUrl: data.upstreamUrl, timeoutMs: data.timeoutMs },
      },
      tx,
    )
    return version
  }
  try {
    return await (tx ? insert(tx) : db.$transaction(insert))
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw labelTaken(data.version)
    throw error
  }
}

export const labelTaken = (label: string) =>
  invalid(
    `This API already has a version ${label}`,
    { version: [`${label} already exists; pick another label`] },
    'version_taken',
  )

// An AI chat version's contract is generated from its model routes (lib/ai/console/save-ai-version).
export const aiContractIsGenerated = () =>
  invalid(
    'An AI API’s contract is generated from its design (models, or a prompt template); design the version instead of uploading one',
    { openapi: ['Generated from the version’s design'] },
    'ai_contract_generated',
  )
