import { isIP, type LookupFunction } from 'node:net'
import { Agent, buildConnector } from 'undici'
import {
  classifyAddress,
  isMetadataHostName,
  lookupFor,
  type OutboundPolicy,
  type ResolvedAddress,
} from './outbound-policy'

// The connect-time half of the outbound policy (the save-time half is check-outbound-url.ts).
// Every socket to a tenant destination is opened through guardedConnector, which
// - refuses IP-literal hosts and metadata names before connecting (net.connect skips `lookup` for IPs),
// - resolves names itself and connects only to allowed addresses, so a name that re-resolves to
//   127.0.0.1 after it was saved (DNS rebinding) never gets a SYN, and
// - checks the address the socket actually reached before a byte is written.
// It runs when a connection opens, never per request: keep-alive sockets are reused untouched.

export const OUTBOUND_REFUSED = 'TOLLGATE_OUTBOUND_REFUSED'
const CONNECT_TIMEOUT_MS = 10_000

export class OutboundRefusedError extends Error {
  readonly code = OUTBOUND_REFUSED
  constructor(readonly detail: string) {
    super(`Outbound connection refused by policy: ${detail}`)
    this.name = 'OutboundRefusedError'
  }
}

export function isOutboundRefused(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === OUTBOUND_REFUSED
}

/** A `net.connect` lookup that answers only with the addresses the policy allows. */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  const lookup = lookupFor(policy)
  return (hostname, options, callback) => {
    const wanted = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family || 0
    lookup(hostname).then(
      (resolved) => {
        const allowed: ResolvedAddress[] = []
        let refusal = ''
        for (const { address, family } of resolved) {
          if (wanted && family !== wanted) continue
          const verdict = classifyAddress(address, policy)
          if (verdict.allowed) allowed.push({ address, family })
          else refusal ||= `${hostname} resolves to ${verdict.address} (${verdict.range})`
        }
        if (allowed.length === 0) {
          const error = refusal
            ? new OutboundRefusedError(refusal)
            : Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' })
          return callback(error, '', 0)
        }
        if (options.all) callback(null, allowed)
        else callback(null, allowed[0].address, allowed[0].family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    )
  }
}

/** The refusal for a host known before any lookup: an IP literal or a metadata name. */
function refusalBeforeConnect(hostname: string, policy: OutboundPolicy): OutboundRefusedError | null {
  if (isMetadataHostName(hostname)) return new OutboundRefusedError(`${hostname} is a cloud metadata name`)
  if (!isIP(hostname)) return null
  const verdict = classifyAddress(hostname, policy)
  return verdict.allowed ? null : new OutboundRefusedError(`${verdict.address} is ${verdict.range}`)
}

function logged(error: OutboundRefusedError, target: string): OutboundRefusedError {
  console.warn(`[outbound] refused a connection to ${target}: ${error.detail}`)
  return error
}

/** undici's connector with the policy applied; pass it as the `connect` option of a Pool or Agent. */
export function guardedConnector(
  policy: OutboundPolicy,
  options: buildConnector.BuildOptions = {},
): buildConnector.connector {
  const connect = buildConnector({
    timeout: CONNECT_TIMEOUT_MS,
    ...options,
    lookup: guardedLookup(policy),
  } as buildConnector.BuildOptions)
  return (target, callback) => {
    const where = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`
    const early = refusalBeforeConnect(target.hostname, policy)
    if (early) {
      queueMicrotask(() => callback(logged(early, where), null))
      return
    }
    connect(target, (error, socket) => {
      if (error) return callback(error instanceof OutboundRefusedError ? logged(error, where) : error, null)
      // What the socket reached, whatever resolved it: the last word before the request is written.
      const remote = socket.remoteAddress
      const verdict = remote ? classifyAddress(remote, policy) : null
      if (verdict?.allowed) return callback(null, socket)
      socket.destroy()
      callback(
        logged(
          new OutboundRefusedError(
            verdict ? `connected to ${verdict.address} (${verdict.range})` : 'the socket has no remote address',
          ),
          where,
        ),
        null,
      )
    })
  }
}

/** A dispatcher for fetch/request to tenant destinations (publish check, webhooks, AI providers, imports). */
export function outboundAgent(policy: OutboundPolicy, options: Omit<Agent.Options, 'connect'> = {}): Agent {
  return new Agent({ ...options, connect: guardedConnector(policy) })
}
