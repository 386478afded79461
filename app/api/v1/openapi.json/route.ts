// GET /api/v1/openapi.json: the management API's own OpenAPI 3.1 document, generated from the
// route list and its zod schemas. Public, like any API's reference: it describes, it grants nothing.
import { buildManagementOpenApi } from '@/lib/management-api/openapi-document'
import { MANAGEMENT_ROUTES } from '../route-list'

export const dynamic = 'force-static'

export function GET(): Response {
  return Response.json(buildManagementOpenApi(MANAGEMENT_ROUTES), {
    headers: { 'cache-control': 'public, max-age=300' },
  })
}
