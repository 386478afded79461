import 'server-only'
import type { Permission } from '@/lib/auth/permissions'
import { requireTeamPermission, type TeamContext } from '@/lib/auth/team-context'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'

/**
 * The CSV routes' wrapper: `permission` on the team in the URL, else problem+json (401, 403, or
 * 404 for a team you are not in, which looks exactly like one that does not exist).
 */
export async function teamCsvRoute(
  teamSlug: string,
  permission: Permission,
  build: (context: TeamContext) => Promise<Response>,
): Promise<Response> {
  const requestId = createId('req')
  try {
    const context = await requireTeamPermission(teamSlug, permission)
    return await build(context)
  } catch (error) {
    const problem = toProblem(error, requestId)
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}

/** The billing CSVs (ledger, statement): billing.read. */
export function billingCsvRoute(
  teamSlug: string,
  build: (context: TeamContext) => Promise<Response>,
): Promise<Response> {
  return teamCsvRoute(teamSlug, 'billing.read', build)
}
