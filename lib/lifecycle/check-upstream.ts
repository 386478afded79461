import { fetch } from 'undici'
import { outboundAgent } from '@/lib/net/outbound-dispatcher'
import { outboundPolicyFromEnv, type OutboundPolicy } from '@/lib/net/outbound-policy'

export type UpstreamCheck = { ok: true; status: number; ms: number } | { ok: false; error: string; ms: number }

export const UPSTREAM_CHECK_TIMEOUT_MS = 3_000
export const UPSTREAM_UNREACHABLE = 'The upstream could not be reached'

/**
 * "Does the upstream answer?" Any HTTP response counts, a 404 or a 500 included: the question is
 * whether something is listening, not whether this URL is a health endpoint. A refused
 * connection, a DNS failure, a non-HTTP answer or an address the outbound policy refuses all read
 * the same to the tenant ("could not be reached"), so the check cannot be used to scan ports;
 * the reason goes to the server log. Only running out of time is told apart.
 */
export async function checkUpstream(
  url: string,
  {
    timeoutMs = UPSTREAM_CHECK_TIMEOUT_MS,
    policy = outboundPolicyFromEnv(),
  }: { timeoutMs?: number; policy?: OutboundPolicy } = {},
): Promise<UpstreamCheck> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const dispatcher = outboundAgent(policy)
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      dispatcher,
    })
    await response.body?.cancel().catch(() => {})
    return { ok: true, status: response.status, ms: elapsed() }
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } }
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { ok: false, error: `No answer within ${timeoutMs / 1000} s`, ms: elapsed() }
    const reason = [err.cause?.code, err.cause?.message ?? err.message].filter(Boolean).join(' ')
    console.warn(`[publish-check] ${url.slice(0, 200)} could not be reached: ${reason}`)
    return { ok: false, error: UPSTREAM_UNREACHABLE, ms: elapsed() }
  } finally {
    // Nothing is reused between checks; destroy also ends a connection still waiting after a timeout.
    dispatcher.destroy().catch(() => {})
  }
}
