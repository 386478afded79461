// GET /api/reference/{versionId}?operation=get%20/pets or ?schema=%23/components/schemas/Pet -
// one operation or schema of a contract, fetched by the reference page when a reader opens it
import { getSessionUser } from '@/lib/auth/team-context'
import { catalogViewerOf } from '@/lib/catalog/get-catalog-viewer'
import { loadReferenceDetail } from '@/lib/catalog/load-reference-detail'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  try {
    const { versionId } = await params
    const user = await getSessionUser()
    if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' })
    const query = new URL(request.url).searchParams
    const detail = await loadReferenceDetail(await catalogViewerOf(user.id), {
      versionId,
      operation: query.get('operation') ?? undefined,
      schema: query.get('schema') ?? undefined,
    })
    // Private to the viewer; a published contract never changes, a draft may.
    return Response.json(detail, { headers: { 'cache-control': 'private, no-cache' } })
  } catch (error) {
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
