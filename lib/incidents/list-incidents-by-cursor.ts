import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { paginateCursor, type CursorPage, type CursorPageRequest } from '@/lib/pagination/paginate-cursor'
import { toIncidentRows, type IncidentRow } from './incident-output'
import { incidentsWhere } from './list-incidents'
import type { ListIncidentsInput } from './schemas'

/** The team's payment incidents by keyset cursor, newest first (the management API), console filters. */
export async function listIncidentsByCursor(
  { teamId }: TeamReadScope,
  { view, q, cause, state, ...page }: CursorPageRequest & Omit<ListIncidentsInput, 'page' | 'pageSize'>,
): Promise<CursorPage<IncidentRow>> {
  const where = await incidentsWhere(teamId, { view, q, cause, state })
  return paginateCursor(page, {
    findMany: ({ keyset, orderBy, take }) =>
      db.paymentIncident.findMany({ where: { AND: [where, ...keyset] }, orderBy, take }),
    mapPage: toIncidentRows,
  })
}
