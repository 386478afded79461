import { db } from '@/lib/db'
import { loadStoredContract } from '@/lib/catalog/stored-contract-cache'
import type { CatalogUser } from '@/lib/catalog/visible-api-where'
import { AppError } from '@/lib/errors/app-error'
import { buildTryItOperations, type TryItOperation } from './build-try-it-operations'
import { listDelegableKeys } from './find-delegable-key'
import { wrappedObjectFormOf, type WrappedObjectForm } from './flat-object-form'
import { resolveTryItTarget } from './resolve-try-it-target'

export type TryItData = {
  versionId: string
  label: string
  state: string
  gatewayPath: string
  operations: TryItOperation[]
  /** AI_CHAT versions: the exposed chat models for the chat form (default first); null for REST. */
  chatModels: string[] | null
  /** AI_PROMPT versions: the variables form generated from the contract's request body; null otherwise. */
  promptForm: WrappedObjectForm | null
  keys: Awaited<ReturnType<typeof listDelegableKeys>>
}

/** Everything the try-it panel renders for one version; null when the user cannot see it. */
export async function loadTryIt(
  viewer: CatalogUser,
  { apiId, versionId }: { apiId: string; versionId: string },
): Promise<TryItData | null> {
  const target = await resolveTryItTarget(viewer, { versionId }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return null
    throw error
  })
  if (!target || target.apiId !== apiId) return null
  const [reference, keys, chatModels] = await Promise.all([
    // Parsed once and kept for the next view (the catalog page and its reference share it).
    loadStoredContract({ id: target.versionId, updatedAt: target.updatedAt }, async () => target.openapi),
    listDelegableKeys(viewer),
    target.apiKind === 'AI_CHAT' ? exposedModels(target.ownerTeamId, target.versionId) : null,
  ])
  return {
    versionId: target.versionId,
    label: target.label,
    state: target.state,
    gatewayPath: target.gatewayPath,
    operations: reference.ok ? buildTryItOperations(reference.document) : [],
    keys,
    chatModels,
    promptForm:
      target.apiKind === 'AI_PROMPT' && reference.ok ? wrappedObjectFormOf(reference.document, '/', 'post') : null,
  }
}

async function exposedModels(teamId: string, versionId: string): Promise<string[]> {
  const rows = await db.aiVersionModel.findMany({
    // The chat form asks chat models only; embedding models answer POST /embeddings.
    where: { versionId, teamId, targets: { some: { model: { kind: 'CHAT' } } } },
    orderBy: [{ isDefault: 'desc' }, { name: 'asc' }],
    select: { name: true },
  })
  return rows.map((r) => r.name)
}
