import { isIP } from 'node:net'
import { z } from 'zod'
import { invalid } from '@/lib/errors/app-error'
import {
  ALLOW_PRIVATE_SETTING,
  classifyAddress,
  isMetadataHostName,
  lookupFor,
  outboundPolicyFromEnv,
  type OutboundPolicy,
} from './outbound-policy'

// The save-time check of a tenant-configured URL, in two halves:
// - its shape (sync, so the zod schemas the server-action wrapper parses can run it), and
// - where it points (async: the host name is resolved, and every address must be allowed).
// Numeric spellings of a host (0x7f000001, 2130706433, 0177.0.0.1, 127.1) are normalised by the
// WHATWG parser, so the address rules run on the parsed hostname, never on the text.

export const MAX_OUTBOUND_URL_LENGTH = 2048
const LOOKUP_TIMEOUT_MS = 5_000

export type UrlShapeProblem = 'empty' | 'too_long' | 'not_a_url' | 'scheme' | 'credentials' | 'no_host'
export type OutboundUrlProblem = UrlShapeProblem | 'private' | 'special' | 'unresolvable'

export const OUTBOUND_URL_MESSAGES: Record<OutboundUrlProblem, string> = {
  empty: 'Enter an http:// or https:// URL',
  too_long: `Use at most ${MAX_OUTBOUND_URL_LENGTH} characters`,
  not_a_url: 'Enter an http:// or https:// URL',
  scheme: 'Enter an http:// or https:// URL',
  credentials: 'Leave user and password out of the URL',
  no_host: 'Enter a URL with a host name',
  private: `This address is private; an operator can allow private upstreams with ${ALLOW_PRIVATE_SETTING}`,
  special: 'This address is link-local, cloud metadata or another special-use range, and is never reachable',
  unresolvable: 'This host name does not resolve',
}

/** The first thing wrong with the URL's shape, or null. */
export function urlShapeProblem(text: string): UrlShapeProblem | null {
  if (text === '') return 'empty'
  if (text.length > MAX_OUTBOUND_URL_LENGTH) return 'too_long'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'not_a_url'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme'
  // Credentials would show in the console and in logs, and ride along on every request.
  if (url.username || url.password) return 'credentials'
  if (!url.hostname) return 'no_host'
  return null
}

/** A trimmed string with an outbound URL's shape; `messages` words the problems for one form. */
export function outboundUrlSchema(messages: Partial<Record<UrlShapeProblem, string>> = {}) {
  return z
    .string({ error: messages.empty ?? OUTBOUND_URL_MESSAGES.empty })
    .trim()
    .superRefine((text, ctx) => {
      const problem = urlShapeProblem(text)
      if (problem) ctx.addIssue({ code: 'custom', message: messages[problem] ?? OUTBOUND_URL_MESSAGES[problem] })
    })
}

export type OutboundUrlVerdict =
  | { ok: true; hostname: string; addresses: string[] }
  | { ok: false; problem: OutboundUrlProblem; message: string; detail: string }

const refuse = (problem: OutboundUrlProblem, detail: string): OutboundUrlVerdict => ({
  ok: false,
  problem,
  message: OUTBOUND_URL_MESSAGES[problem],
  detail,
})

/**
 * Whether a tenant may save this URL: its shape, then every address its host resolves to. One
 * refused address refuses the URL (a name with a public and a private address would reach the
 * private one on some connections). A name that does not resolve is refused too.
 */
export async function checkOutboundUrl(
  text: string,
  policy: OutboundPolicy = outboundPolicyFromEnv(),
): Promise<OutboundUrlVerdict> {
  const shape = urlShapeProblem(text)
  if (shape) return refuse(shape, shape)
  const hostname = new URL(text).hostname
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname
  if (isMetadataHostName(bare)) return refuse('special', `${bare} is a cloud metadata name`)
  if (isIP(bare)) {
    const verdict = classifyAddress(bare, policy)
    return verdict.allowed
      ? { ok: true, hostname: bare, addresses: [verdict.address] }
      : refuse(verdict.reason, `${verdict.address} is ${verdict.range}`)
  }
  let resolved
  try {
    resolved = await withTimeout(lookupFor(policy)(bare), LOOKUP_TIMEOUT_MS)
  } catch (error) {
    return refuse('unresolvable', `${bare}: ${(error as { code?: string }).code ?? (error as Error).message}`)
  }
  if (resolved.length === 0) return refuse('unresolvable', `${bare}: no addresses`)
  const addresses: string[] = []
  for (const { address } of resolved) {
    const verdict = classifyAddress(address, policy)
    if (!verdict.allowed) return refuse(verdict.reason, `${bare} resolves to ${verdict.address} (${verdict.range})`)
    addresses.push(verdict.address)
  }
  return { ok: true, hostname: bare, addresses }
}

/** checkOutboundUrl for the save paths: a refused URL throws a 422 with a field error on `field`. */
export async function assertOutboundUrl(
  text: string,
  field: string,
  policy: OutboundPolicy = outboundPolicyFromEnv(),
): Promise<void> {
  const verdict = await checkOutboundUrl(text, policy)
  if (verdict.ok) return
  throw invalid(verdict.message, { [field]: [verdict.message] }, 'outbound_url_refused')
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup timed out'), { code: 'ETIMEOUT' })), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
