import type { TeamReadScope } from '@/lib/auth/actor'
import { getApiBySlug } from '@/lib/apis/get-api'
import { toApiOutput, type ApiOutput } from '@/lib/apis/to-api-output'
import type { Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'

/** The team's API by the slug in the path, as the API answers it; another team's reads as 404. */
export async function requireApiOutput(scope: TeamReadScope, slug: string, tx?: Tx): Promise<ApiOutput> {
  const api = await getApiBySlug(scope, { slug }, tx)
  if (!api) throw notFound('API')
  return toApiOutput(api)
}
