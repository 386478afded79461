import { promises as dns } from 'node:dns'
import { isIP } from 'node:net'
import ipaddr from 'ipaddr.js'

// Which addresses a tenant-configured destination (API upstream, webhook receiver, AI provider
// base URL, contract import URL) may reach. DESIGN "Trust boundaries": what a tenant configures
// never reaches private addresses unless an operator allows it. The same verdict runs at save
// time (check-outbound-url.ts) and again on every new connection (outbound-dispatcher.ts), so a
// name that re-resolves to a private address later (DNS rebinding) is still refused.

export type ResolvedAddress = { address: string; family: number }

/** Resolves a host name to all its addresses, like `dns.promises.lookup(name, { all: true })`. */
export type OutboundLookup = (hostname: string) => Promise<ResolvedAddress[]>

export type OutboundPolicy = {
  /** TOLLGATE_ALLOW_PRIVATE_UPSTREAMS: loopback, RFC 1918 and unique-local (fc00::/7) become reachable. */
  allowPrivate: boolean
  /** How host names resolve; the system resolver unless a test plays DNS. */
  lookup?: OutboundLookup
}

export const ALLOW_PRIVATE_SETTING = 'TOLLGATE_ALLOW_PRIVATE_UPSTREAMS'

/** The operator's policy from the environment, read at call time. */
export function outboundPolicyFromEnv(env: Record<string, string | undefined> = process.env): OutboundPolicy {
  const value = env[ALLOW_PRIVATE_SETTING]?.trim().toLowerCase()
  return { allowPrivate: value === '1' || value === 'true' }
}

export const systemLookup: OutboundLookup = (hostname) => dns.lookup(hostname, { all: true })

export function lookupFor(policy: OutboundPolicy): OutboundLookup {
  return policy.lookup ?? systemLookup
}

/**
 * Where cloud instance metadata (and with it, credentials) is served. Refused whatever the
 * private-address setting says: fd00:ec2::254 sits in fc00::/7, which that setting would lift.
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'])
const METADATA_HOST_NAMES = new Set(['metadata.google.internal', 'metadata.goog'])

/** The ranges TOLLGATE_ALLOW_PRIVATE_UPSTREAMS lifts; every other non-unicast range stays refused. */
const LIFTABLE_RANGES = new Set(['loopback', 'private', 'uniqueLocal'])

export type AddressVerdict =
  | { allowed: true; address: string }
  /** `private`: an operator could allow it; `special`: never (link-local, metadata, CGNAT, multicast, ...). */
  | { allowed: false; address: string; reason: 'private' | 'special'; range: string }

/** A name refused before any lookup: cloud metadata services answer on these. */
export function isMetadataHostName(hostname: string): boolean {
  return METADATA_HOST_NAMES.has(hostname.toLowerCase().replace(/\.+$/, ''))
}

/**
 * The verdict on one address as a socket would see it: dotted IPv4, or IPv6 with or without
 * brackets. IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96)
 * addresses are judged by the IPv4 address inside them. Anything that is not a plain IP literal
 * (a name, `0x7f000001` before URL parsing, garbage) is refused.
 */
export function classifyAddress(input: string, policy: OutboundPolicy): AddressVerdict {
  const text = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input
  const family = isIP(text.split('%')[0])
  if (family === 0) return { allowed: false, address: input, reason: 'special', range: 'not an IP address' }
  const address = unwrapIPv4(ipaddr.parse(text))
  const normalized = address.toString()
  if (METADATA_ADDRESSES.has(normalized))
    return { allowed: false, address: normalized, reason: 'special', range: 'cloud metadata' }
  const range = address.range()
  if (range === 'unicast') return { allowed: true, address: normalized }
  if (LIFTABLE_RANGES.has(range)) {
    return policy.allowPrivate
      ? { allowed: true, address: normalized }
      : { allowed: false, address: normalized, reason: 'private', range }
  }
  return { allowed: false, address: normalized, reason: 'special', range }
}

function unwrapIPv4(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv4') return address
  const v6 = address as ipaddr.IPv6
  const p = v6.parts
  const embedded = () => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff])
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address()
  // IPv4-compatible ::a.b.c.d (deprecated, RFC 4291 §2.5.5.1); :: and ::1 keep their own meaning.
  if (p.slice(0, 6).every((part) => part === 0) && (p[6] !== 0 || p[7] > 1)) return embedded()
  // NAT64's well-known prefix (RFC 6052): a translator forwards it to the IPv4 address inside.
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((part) => part === 0)) return embedded()
  return v6
}
