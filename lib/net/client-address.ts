import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

// Who is really calling. X-Forwarded-For is client-sent text: it is believed only for the hops
// that arrived from a proxy named in TRUST_PROXY (DESIGN, "Trust boundaries"). The front door
// (server/index.ts) computes the address once from the socket and hands it to the console in
// CLIENT_ADDRESS_HEADER, overwriting whatever the client sent under that name.

/** Set by the front door on every console request; never trusted from the network. */
export const CLIENT_ADDRESS_HEADER = 'x-tollgate-client-ip'

/**
 * TRUST_PROXY: comma-separated addresses, CIDR ranges, or proxy-addr's names `loopback`,
 * `linklocal` and `uniquelocal`. Unset or empty trusts no proxy: the socket's peer is the client.
 */
export function trustedProxies(value = process.env.TRUST_PROXY): (address: string, hop: number) => boolean {
  const list = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  return proxyAddr.compile(list)
}

let cached: { value: string | undefined; trust: ReturnType<typeof trustedProxies> } | null = null

function currentTrust(): ReturnType<typeof trustedProxies> {
  const value = process.env.TRUST_PROXY
  if (cached === null || cached.value !== value) cached = { value, trust: trustedProxies(value) }
  return cached.trust
}

/** The client's address: the socket's peer, or the nearest untrusted X-Forwarded-For hop behind trusted proxies. */
export function clientAddress(req: IncomingMessage, trust = currentTrust()): string {
  if (!req.socket.remoteAddress) return 'unknown'
  return proxyAddr(req, trust)
}

/** True when the socket's peer is a TRUST_PROXY proxy: only then may its X-Forwarded-* be believed. */
export function fromTrustedProxy(req: IncomingMessage, trust = currentTrust()): boolean {
  const peer = req.socket.remoteAddress
  return peer !== undefined && trust(peer, 0)
}

/** The address the front door recorded, as the console's Web-API handlers see it. */
export function clientAddressFrom(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
