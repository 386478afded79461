// GET /api/reference/{versionId}/contract - the version's OpenAPI document, as a download
import { getSessionUser } from '@/lib/auth/team-context'
import { catalogViewerOf } from '@/lib/catalog/get-catalog-viewer'
import { loadContractDownload } from '@/lib/catalog/load-contract-download'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  try {
    const { versionId } = await params
    const user = await getSessionUser()
    if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' })
    const file = await loadContractDownload(await catalogViewerOf(user.id), { versionId })
    return new Response(file.text, {
      headers: {
        'content-type': `${file.contentType}; charset=utf-8`,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-cache',
      },
    })
  } catch (error) {
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
