// GET /docs/api/reference?operation=get%20/api/v1/teams/{team}/apis or ?schema=%23/components/schemas/Api -
// one operation or schema of the management API's own contract, for its reference page at /docs/api
// (the catalog's versions are served by /api/reference/{versionId} the same way).
import { referenceDetailOf } from '@/lib/catalog/load-reference-detail'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { buildManagementOpenApi } from '@/lib/management-api/openapi-document'
import { MANAGEMENT_ROUTES } from '@/app/api/v1/route-list'

export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  try {
    const query = new URL(request.url).searchParams
    const detail = referenceDetailOf(buildManagementOpenApi(MANAGEMENT_ROUTES), {
      operation: query.get('operation') ?? undefined,
      schema: query.get('schema') ?? undefined,
    })
    return Response.json(detail, { headers: { 'cache-control': 'public, max-age=300' } })
  } catch (error) {
    const problem = toProblem(error, createId('req'))
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
