// GET /api/v1/teams/{team}/audit - the team's audit log (actor, action, target, origin, from, to,
// q), newest first, cursor-paged through `next`.
import { listAuditEntries } from '@/lib/audit/list-audit-entries'
import { forbidden } from '@/lib/errors/app-error'
import { parseAuditQuery } from '@/lib/audit/schemas'
import { cursorListBody, cursorRequestOf, queryOf } from '@/lib/management-api/cursor-list'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

// A read token may read it, as every list, but only an owner's or an admin's: the console shows the
// log to them alone.
const AUDIT_READERS = new Set(['OWNER', 'ADMIN'])

export const GET = managementRoute<{ team: string }>('team.read', async ({ url, caller }) => {
  if (!AUDIT_READERS.has(caller.scope.actor.role)) throw forbidden('Only owners and admins can read the audit log')
  const { before: _ignored, ...query } = parseAuditQuery(queryOf(url))
  const page = await listAuditEntries(caller.scope, { ...query, ...cursorRequestOf(url) })
  return { body: cursorListBody(url, page) }
})
