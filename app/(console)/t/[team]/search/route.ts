// GET /t/{team}/search?q= - the global search (Ctrl/Cmd-K) as the member sees it from this team
import { requireTeamPermission } from '@/lib/auth/team-context'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { consoleSearchSchema } from '@/lib/search/schemas'
import { searchConsole } from '@/lib/search/search-console'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }): Promise<Response> {
  const { team } = await params
  try {
    const context = await requireTeamPermission(team, 'team.read')
    const { q } = consoleSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
    const hits = await searchConsole({ teamId: context.team.id, userId: context.user.id }, { q })
    return Response.json({ hits }, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
