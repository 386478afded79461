// POST /api/try-it - call the gateway with one of the signed-in user's team keys (try-it console)
import { getSessionUser } from '@/lib/auth/team-context'
import { catalogViewerOf } from '@/lib/catalog/get-catalog-viewer'
import { AppError } from '@/lib/errors/app-error'
import { toProblem } from '@/lib/errors/to-problem'
import { createId } from '@/lib/ids'
import { callGateway, streamGateway } from '@/lib/try-it/call-gateway'
import { isSameOrigin } from '@/lib/try-it/check-same-origin'
import { findDelegableKey } from '@/lib/try-it/find-delegable-key'
import { resolveTryItTarget } from '@/lib/try-it/resolve-try-it-target'
import { passThrough } from '@/lib/try-it/pass-through'
import { tryItRequestSchema } from '@/lib/try-it/schemas'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const requestId = createId('req')
  try {
    if (!isSameOrigin(request.headers)) {
      throw new AppError({ code: 'cross_origin', status: 403, message: 'Cross-origin requests are not allowed' })
    }
    const user = await getSessionUser()
    if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' })
    const raw: unknown = await request.json().catch(() => {
      throw new AppError({ code: 'invalid_json', status: 400, message: 'The request body is not JSON' })
    })
    const input = tryItRequestSchema.parse(raw)
    const viewer = await catalogViewerOf(user.id)
    const [key, target] = await Promise.all([findDelegableKey(viewer, input), resolveTryItTarget(viewer, input)])
    const unreachable = (error: unknown) => {
      console.error(`[try-it ${requestId}] gateway call failed`, error)
      throw new AppError({
        code: 'gateway_unreachable',
        status: 502,
        message: 'The gateway could not be reached from the console',
      })
    }
    const call = { keyId: key.id, gatewayPath: target.gatewayPath, request: input }
    if (input.stream) return passThrough(await streamGateway(call).catch(unreachable))
    const result = await callGateway(call).catch(unreachable)
    // The gateway's own status (even 402 or 500) is data for the console, not this route's status.
    return Response.json(result, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    const problem = toProblem(error, requestId)
    return Response.json(problem, {
      status: problem.status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    })
  }
}
