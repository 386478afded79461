import type { TeamReadScope } from '@/lib/auth/actor'
import { getApiBySlug } from '@/lib/apis/get-api'
import { getVersion } from '@/lib/apis/get-version'
import { toVersionOutput, type VersionOutput } from '@/lib/apis/to-version-output'
import type { Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

/** The team's version by the API slug and version label in the path; anything else is 404. */
export async function requireVersionOutput(
  scope: TeamReadScope,
  { api, version }: { api: string; version: string },
  { withContract = false } = {},
  tx?: Tx,
): Promise<VersionOutput> {
  const detail = await getApiBySlug(scope, { slug: api }, tx)
  const summary = detail?.versions.find((v) => v.version === version.toLowerCase())
  const row = summary ? await getVersion(scope, { versionId: summary.id, apiId: detail!.id }, tx) : null
  if (!row) throw notFound('Version')
  return toVersionOutput(row, { withContract })
}
