export type UpstreamCheck = { ok: true; status: number; ms: number } | { ok: false; error: string; ms: number }

export const UPSTREAM_CHECK_TIMEOUT_MS = 3_000

/**
 * "Does the upstream answer?" Any HTTP response counts, a 404 or a 500 included: the question is
 * whether something is listening, not whether this URL is a health endpoint. A refused
 * connection, a DNS failure or no response within the timeout does not count.
 */
export async function checkUpstream(url: string, timeoutMs = UPSTREAM_CHECK_TIMEOUT_MS): Promise<UpstreamCheck> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' })
    await response.body?.cancel().catch(() => {})
    return { ok: true, status: response.status, ms: elapsed() }
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } }
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return { ok: false, error: `No answer within ${timeoutMs / 1000} s`, ms: elapsed() }
    const cause = err.cause?.code ?? err.cause?.message ?? err.message
    return { ok: false, error: `Could not connect (${cause})`, ms: elapsed() }
  }
}
