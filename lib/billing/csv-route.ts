import 'server-only'
import { requireTeamPermission, type TeamContext } from '@/lib/auth/team-context'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'

/**
 * The billing CSV routes' wrapper: billing.read on the team in the URL, else problem+json (401,
 * 403, or 404 for a team you are not in, which looks exactly like one that does not exist).
 */
export async function billingCsvRoute(
  teamSlug: string,
  build: (context: TeamContext) => Promise<Response>,
): Promise<Response> {
  const requestId = createId('req')
  try {
    const context = await requireTeamPermission(teamSlug, 'billing.read')
    return await build(context)
  } catch (error) {
    const problem = toProblem(error, requestId)
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
