import { MANAGEMENT_AUDIT_ACTIONS } from '@/lib/audit/audit-actions'
import { audited } from '@/lib/audit/audit-context'
import { describeChange } from '@/lib/audit/describe-change'
import type { Permission } from '@/lib/auth/permissions'
import type { Tx } from '@/lib/db'
import { AppError, forbidden, notFound } from '@/lib/errors/app-error'
import { toAppError } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { clientAddressFrom } from '@/lib/net/client-address'
import {
  authenticateManagementToken,
  type ManagementCaller,
} from '@/lib/management-tokens/authenticate-management-token'
import { withIdempotency, type StoredAnswer } from './idempotency'
import { consumeManagementCall } from './rate-limit'
import { jsonResponse, problemResponse, toJsonText } from './responses'

// The one wrapper for /api/v1 route handlers: bearer token → rate limit → the team in the path
// must be the token's (any other team, existing or not, is 404 as in the console) → permission →
// the handler, which calls the same lib/<domain> function as the console's server action. POSTs
// honour Idempotency-Key. Every failure is problem+json; nothing unexpected escapes as a bare 500.
// Every successful write is one audit entry (lib/audit), an idempotent replay none. With
// `transaction: true` the handler gets `call.tx` and the write and its entry commit together.

export type ManagementRequest<P> = {
  request: Request
  url: URL
  params: P
  caller: ManagementCaller
  /** The JSON body as an object (400 problem+json when it is not JSON, 422 when not an object). */
  json: () => Record<string, unknown>
  /** The body as text (a YAML config file). */
  text: () => string
  /** The JSON body, or a multipart form's fields (an uploaded file as its text). */
  fields: () => Promise<Record<string, unknown>>
  /** A write's transaction, with `transaction: true`: pass it to every lib function it calls. */
  tx?: Tx
}

/** `body` answers as JSON; `text` (a YAML export) as itself, typed by its content-type header. */
export type ManagementAnswer = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> }

type RouteContext<P> = { params: Promise<P> }

/** Bodies above this are refused with 413 before they are parsed. */
const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024

export function managementRoute<P extends { team: string }>(
  permission: Permission,
  handler: (call: ManagementRequest<P>) => Promise<ManagementAnswer>,
  {
    bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES,
    transaction = false,
  }: { bodyLimitBytes?: number; transaction?: boolean } = {},
) {
  const route = async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = createId('req')
    try {
      const caller = await authenticateManagementToken(request.headers.get('authorization'))
      await consumeManagementCall(caller.tokenId)
      const params = await context.params
      if (params.team !== caller.team.slug) throw notFound('Team')
      if (!caller.permissions.has(permission)) {
        throw forbidden(`This token cannot do this: it needs the ${permission} permission`)
      }
      const bodyText = request.method === 'GET' ? '' : await readBody(request, bodyLimitBytes)
      const call: ManagementRequest<P> = {
        request,
        url: new URL(request.url),
        params,
        caller,
        json: () => parseJson(bodyText),
        text: () => bodyText,
        fields: () => (isMultipart(request) ? formFields(request, bodyText) : Promise.resolve(parseJson(bodyText))),
      }
      const run =
        request.method === 'GET' ? handler : (write: ManagementRequest<P>) => auditedWrite(handler, write, transaction)
      const idempotencyKey = request.method === 'POST' ? request.headers.get('idempotency-key') : null
      if (!idempotencyKey) return toResponse(await run(call))
      const answer = await withIdempotency(
        { teamId: caller.team.id, tokenId: caller.tokenId },
        { key: idempotencyKey, fingerprint: `${request.method} ${call.url.pathname}\n${bodyText}` },
        () => answerOf(run, call, requestId),
      )
      return new Response(answer.body || null, {
        status: answer.status,
        headers: {
          'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json',
          'cache-control': 'no-store',
          ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
        },
      })
    } catch (error) {
      return problemResponse(error, requestId, retryHeaders(error))
    }
  }
  // The route list (app/api/v1/route-list.ts) and its tests read the permission from here.
  return Object.assign(route, { permission })
}

/** Any /api/v1 handler, whatever its path parameters (for the route list and its tests). */
export type ManagementRouteHandler = ((request: Request, context: { params: Promise<never> }) => Promise<Response>) & {
  permission: Permission
}

/**
 * A write, audited under the console's name for the same change (MANAGEMENT_AUDIT_ACTIONS: "POST
 * /keys" is key.create) unless the domain function recorded a finer entry; a route the table
 * does not know keeps its "METHOD template" name, and one it marks false writes nothing.
 */
function auditedWrite<P extends { team: string }>(
  handler: (call: ManagementRequest<P>) => Promise<ManagementAnswer>,
  call: ManagementRequest<P>,
  transaction: boolean,
): Promise<ManagementAnswer> {
  const { request, caller, params } = call
  const source = {
    teamId: caller.team.id,
    origin: 'API' as const,
    actor: { userId: caller.scope.actor.userId, email: caller.scope.actor.email },
    tokenId: caller.tokenId,
    sourceIp: clientAddressFrom(request.headers),
    userAgent: request.headers.get('user-agent'),
  }
  const named = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'team')) as Record<string, string>
  const route = `${request.method} ${routeTemplateOf(call.url.pathname, named)}`
  const action = MANAGEMENT_AUDIT_ACTIONS[route] ?? route
  const lastParam = Object.values(named).at(-1)
  const describe = ({ status = 200, body }: ManagementAnswer) =>
    status >= 400 || action === false
      ? null
      : describeChange(action, Object.keys(named).length ? named : null, body, lastParam)
  return audited(source, describe, (tx) => handler({ ...call, tx }), { transaction })
}

/** "/api/v1/teams/acme/apis/weather/plans" → "/apis/{api}/plans": the route, not the request. */
function routeTemplateOf(pathname: string, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([name, value]) => [encodeURIComponent(value), `{${name}}`]))
  const segments = pathname.split('/').slice(5)
  return `/${segments.map((segment) => names.get(segment) ?? segment).join('/')}`
}

function toResponse({ status = 200, body, text, headers }: ManagementAnswer): Response {
  if (text !== undefined) return new Response(text, { status, headers: { 'cache-control': 'no-store', ...headers } })
  return jsonResponse(status, body ?? null, headers)
}

/** The handler's answer (a 4xx included) as text, so the idempotency store can replay it. */
async function answerOf<P>(
  handler: (call: ManagementRequest<P>) => Promise<ManagementAnswer>,
  call: ManagementRequest<P>,
  requestId: string,
): Promise<StoredAnswer> {
  try {
    const { status = 200, body } = await handler(call)
    return { status, body: status === 204 ? '' : toJsonText(body ?? null) }
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) throw error
    return { status: appError.status, body: await problemResponse(error, requestId).text() }
  }
}

function retryHeaders(error: unknown): Record<string, string> {
  const seconds = error instanceof AppError ? error.extra.retryAfterSeconds : undefined
  return typeof seconds === 'number' ? { 'retry-after': String(seconds) } : {}
}

async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  const tooLarge = () =>
    new AppError({ code: 'payload_too_large', status: 413, message: `The body is larger than ${limit} bytes` })
  if (declared > limit) throw tooLarge()
  const text = await request.text()
  if (Buffer.byteLength(text) > limit) throw tooLarge()
  return text
}

function isMultipart(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

async function formFields(request: Request, bodyText: string): Promise<Record<string, unknown>> {
  let form: FormData
  try {
    form = await new Response(bodyText, {
      headers: { 'content-type': request.headers.get('content-type')! },
    }).formData()
  } catch {
    throw new AppError({ code: 'invalid_multipart', status: 400, message: 'The multipart body could not be read' })
  }
  const fields: Record<string, unknown> = {}
  for (const [name, value] of form.entries()) fields[name] = typeof value === 'string' ? value : await value.text()
  return fields
}

function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new AppError({ code: 'invalid_json', status: 400, message: 'The request body is not JSON' })
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError({ code: 'validation_failed', status: 422, message: 'The request body must be a JSON object' })
  }
  return value as Record<string, unknown>
}
