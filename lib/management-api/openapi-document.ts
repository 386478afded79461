import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'
import type { ManagementRouteHandler } from './management-route'

// The management API's own OpenAPI 3.1 document, generated from the route list and the same zod
// schemas the routes parse with, so the document cannot drift from what the handlers accept.

export type RouteDocs = {
  summary: string
  /** The request body, as the console's schema (path-named ids left out by the route list). */
  body?: z.ZodType
  /** The success answer's body. */
  response?: z.ZodType
  /** The success status (200 unless a create answers 201 or a delete 204, with no body). */
  status?: 200 | 201 | 204
  /** Also takes a multipart form with the same fields (a contract file upload). */
  multipart?: boolean
  /** The query parameters, when the route takes any besides a list's. */
  query?: z.ZodObject
  /** The request body's media type when it is not JSON (a YAML config file). */
  bodyType?: string
  /** The success answer's media type when it is not JSON. */
  responseType?: string
}

export type DocumentedRoute = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  handler: ManagementRouteHandler
  docs: RouteDocs
}

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable, machine-readable: branch on this, never on `detail`.' }),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details, the same shape and codes as the gateway.' })

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The body is not JSON, or a header is malformed',
  '401': 'No management token, or an unknown, revoked or expired one',
  '403': 'The token (or its creator’s role) lacks the permission',
  '404': 'Not found, or another team’s',
  '409': 'The resource’s state does not allow this',
  '412': 'If-Match does not match the current ETag',
  '413': 'The body is too large',
  '422': 'The body did not validate (field errors in `errors`)',
  '429': 'Rate-limited: retry after Retry-After seconds',
}

/** The document for these routes; `serverUrl` is where /api/v1 lives. */
export function buildManagementOpenApi(routes: DocumentedRoute[], serverUrl = '/'): Record<string, unknown> {
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', 'managementToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A management token (tgm_…) from the team settings page.',
  })
  const problem = { 'application/problem+json': { schema: problemSchema } }
  for (const { method, path, handler, docs } of routes) {
    const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
    const headers: Record<string, z.ZodType> = {}
    if (method === 'POST') headers['idempotency-key'] = z.string().max(255).optional()
    if (method === 'PATCH') headers['if-match'] = z.string().optional()
    const body = docs.body
      ? {
          body: {
            required: true,
            content: {
              [docs.bodyType ?? 'application/json']: { schema: docs.body },
              ...(docs.multipart ? { 'multipart/form-data': { schema: docs.body } } : {}),
            },
          },
        }
      : {}
    registry.registerPath({
      method: method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete',
      path,
      summary: docs.summary,
      description: `Needs the \`${handler.permission}\` permission.`,
      security: [{ managementToken: [] }],
      request: {
        params: z.object(Object.fromEntries(pathParams.map((name) => [name, z.string()]))),
        ...(docs.query ? { query: docs.query } : {}),
        ...(Object.keys(headers).length ? { headers: z.object(headers) } : {}),
        ...body,
      },
      responses: {
        [docs.status ?? 200]:
          docs.status === 204
            ? { description: 'Deleted' }
            : {
                description: docs.status === 201 ? 'Created' : 'OK',
                content: {
                  [docs.responseType ?? 'application/json']: {
                    schema: docs.response ?? z.object({}).catchall(z.unknown()),
                  },
                },
              },
        ...Object.fromEntries(
          Object.entries(ERROR_STATUSES).map(([status, description]) => [status, { description, content: problem }]),
        ),
      },
    })
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Tollgate management API',
      version: '1',
      description:
        'Everything a console user can do, scriptable. Lists page with cursors (`next`); POSTs honour Idempotency-Key; PATCHes take If-Match with the ETag a GET returned.',
    },
    servers: [{ url: serverUrl }],
  }) as unknown as Record<string, unknown>
}
