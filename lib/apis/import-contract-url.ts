import { AppError, invalid } from '@/lib/errors/app-error'
import { checkOutboundUrl } from '@/lib/net/check-outbound-url'
import { outboundAgent, isOutboundRefused } from '@/lib/net/outbound-dispatcher'
import { outboundPolicyFromEnv, type OutboundPolicy } from '@/lib/net/outbound-policy'
import { formatBytes, maxOpenApiBytes } from '@/lib/openapi/openapi-limits.mjs'

// Import a contract from a URL a tenant gives: the outbound policy decides where it may point
// (private, loopback, link-local and metadata addresses refused unless the operator allows
// private ones), checked at save and again at connect time by the guarded dispatcher. The fetch
// has a deadline and stops reading at the contract limit. Redirects are not followed: each hop
// would need the same checks, and a contract's address can be given as its final one.

const IMPORT_TIMEOUT_MS = 20_000
const FIELD = 'importUrl'

export async function importContractFromUrl(
  url: string,
  {
    policy = outboundPolicyFromEnv(),
    maxBytes = maxOpenApiBytes(),
    timeoutMs = IMPORT_TIMEOUT_MS,
  }: { policy?: OutboundPolicy; maxBytes?: number; timeoutMs?: number } = {},
): Promise<string> {
  const verdict = await checkOutboundUrl(url.trim(), policy)
  if (!verdict.ok) throw refused(verdict.message)
  const dispatcher = outboundAgent(policy)
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), timeoutMs)
  try {
    const response = await fetch(url.trim(), {
      redirect: 'manual',
      signal: abort.signal,
      headers: { accept: 'application/json, application/yaml, text/yaml, text/plain;q=0.5' },
      // @ts-expect-error undici's fetch takes a dispatcher; the DOM typing of fetch does not know it
      dispatcher,
    })
    if (response.status >= 300 && response.status < 400)
      throw refused(`The URL redirects (${response.status}); give the final address of the document`)
    if (!response.ok) throw refused(`The URL answered ${response.status}, not the document`)
    const declared = Number(response.headers.get('content-length') ?? NaN)
    if (declared > maxBytes) throw refused(tooLarge(maxBytes))
    return await readCapped(response, maxBytes)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (abort.signal.aborted) throw refused(`The URL did not send the document within ${timeoutMs / 1000} s`)
    if (isOutboundRefused(error) || isOutboundRefused((error as { cause?: unknown }).cause))
      throw refused('This address is not allowed: it points into a private network')
    throw refused(`The document could not be fetched: ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
    void dispatcher.close()
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw refused(tooLarge(maxBytes))
    }
    chunks.push(value)
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

const tooLarge = (maxBytes: number) => `The document at this URL is larger than ${formatBytes(maxBytes)}`
const refused = (message: string) => invalid(message, { [FIELD]: [message] }, 'contract_import_failed')
