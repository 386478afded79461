import { toProblem } from '@/lib/errors/to-problem'

// How /api/v1 writes bodies: JSON with dates as ISO strings and bigints (money in micros) as
// strings, so no amount ever loses precision in a client's floating-point parser.
export function toJsonText(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : toJsonText(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  })
}

export function problemResponse(error: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  const problem = toProblem(error, requestId)
  return new Response(toJsonText(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  })
}
