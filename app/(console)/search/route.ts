// GET /search?q=&team= - the global search (Ctrl/Cmd-K): from one team the user is in (`team`, a
// slug), or, without it, across all of the user's teams (the catalog, the docs, the account pages)
import { getSessionUser, requireTeamPermission } from '@/lib/auth/team-context'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { consoleSearchSchema } from '@/lib/search/schemas'
import { searchConsole } from '@/lib/search/search-console'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  try {
    const { q, team } = consoleSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
    const scope = team ? await teamScope(team) : { userId: await signedInUserId() }
    const hits = await searchConsole(scope, { q })
    return Response.json({ hits }, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}

async function teamScope(slug: string) {
  const context = await requireTeamPermission(slug, 'team.read')
  return { userId: context.user.id, teamId: context.team.id }
}

async function signedInUserId(): Promise<string> {
  const user = await getSessionUser()
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' })
  return user.id
}
