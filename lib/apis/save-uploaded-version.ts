import { scopeOf } from '@/lib/auth/actor'
import type { TeamContext } from '@/lib/auth/team-context'
import { invalid } from '@/lib/errors/app-error'
import { createVersion } from './create-version'
import { importContractFromUrl } from './import-contract-url'
import { readContractUpload } from './read-contract-upload'
import { createVersionSchema, updateDraftVersionSchema } from './schemas'
import { updateDraftVersion, type SavedVersion } from './update-draft-version'

/**
 * The version form's save, posted to its upload route: `versionId` edits that version (a draft in
 * place, a published one into a new draft), otherwise `apiId` gets a new version. The contract is
 * the uploaded or pasted `openapi`, or the document at `importUrl`; editing without either keeps
 * the current contract.
 */
export async function saveUploadedVersion(context: TeamContext, request: Request): Promise<SavedVersion> {
  const { fields, openapi: sent } = await readContractUpload(request)
  const importUrl = fields.importUrl?.trim()
  if (sent && importUrl)
    throw invalid('Give the contract one way', { importUrl: ['Upload or paste a document, or import one, not both'] })
  const openapi = sent ?? (importUrl ? await importContractFromUrl(importUrl) : undefined)
  const scope = scopeOf(context)
  if (fields.versionId) {
    const input = updateDraftVersionSchema.parse({
      ...pick(fields, ['versionId', 'version', 'upstreamUrl', 'timeoutMs']),
      openapi,
    })
    return updateDraftVersion(scope, input)
  }
  const input = createVersionSchema.parse({
    ...pick(fields, ['apiId', 'version', 'upstreamUrl', 'timeoutMs']),
    openapi: openapi ?? '',
  })
  const version = await createVersion(scope, input)
  return { versionId: version.id, version: version.version, created: true }
}

function pick(fields: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in fields).map((key) => [key, fields[key]]))
}
