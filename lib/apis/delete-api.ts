import type { Prisma } from '@/generated/sqlite/client'
import type { TeamScope } from '@/lib/auth/actor'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { db, type Tx } from '@/lib/db'
import { conflict, notFound } from '@/lib/errors/app-error'
import { LIVE_STATES } from '@/lib/subscriptions/schemas'
import { apiIdSchema, type ApiIdInput } from './schemas'

// Deleting an API removes its versions, plans and subscriptions with it (foreign keys cascade), so
// it is refused while anyone could still be calling it: a version PUBLISHED or DEPRECATED (its
// consumers were promised a sunset first), or a subscription pending, active or suspended.

const SERVING_STATES = ['PUBLISHED', 'DEPRECATED'] as const

/** The API with nothing serving and nobody subscribed: the delete's own WHERE, checked atomically. */
const deletableWhere = (teamId: string, apiId: string): Prisma.ApiWhereInput => ({
  id: apiId,
  teamId,
  versions: { none: { state: { in: [...SERVING_STATES] } } },
  subscriptions: { none: { state: { in: [...LIVE_STATES] } } },
})

export async function deleteApi(
  { teamId }: TeamScope,
  input: ApiIdInput,
  outer?: Tx,
): Promise<{ id: string; slug: string }> {
  const { apiId } = apiIdSchema.parse(input)
  const remove = async (tx: Tx) => {
    const api = await tx.api.findFirst({
      where: { id: apiId, teamId },
      select: {
        id: true,
        slug: true,
        versions: { where: { state: { in: [...SERVING_STATES] } }, select: { version: true, state: true } },
        _count: { select: { subscriptions: { where: { state: { in: [...LIVE_STATES] } } } } },
      },
    })
    if (!api) throw notFound('API')
    if (api.versions.length > 0) {
      const listed = api.versions.map((v) => `${v.version} (${v.state.toLowerCase()})`).join(', ')
      throw conflict(`Retire every version before deleting the API: ${listed} still serve`, 'api_has_live_versions')
    }
    const live = api._count.subscriptions
    if (live > 0)
      throw conflict(
        `${live} subscription${live === 1 ? ' is' : 's are'} still pending, active or suspended: reject, cancel or let them end first`,
        'api_has_live_subscriptions',
      )
    // The same conditions in the delete itself: a publish or a subscription that lands between the
    // check and here leaves the API in place.
    const { count } = await tx.api.deleteMany({ where: deletableWhere(teamId, apiId) })
    if (count === 0) throw conflict('The API changed meanwhile; reload and try again')
    await publishConfigChange(tx)
    return { id: api.id, slug: api.slug }
  }
  return outer ? remove(outer) : db.$transaction(remove)
}
