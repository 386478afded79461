import { isIP } from 'node:net'
import type { OutboundLookup } from './outbound-policy'

/**
 * A resolver that answers from a table instead of DNS: how tests point a name at an address
 * (a public one to save, then 127.0.0.1 to play DNS rebinding) without touching /etc/hosts.
 * A value may be a function, asked on every lookup. Unknown names fail like getaddrinfo (ENOTFOUND).
 */
export function staticLookup(table: Record<string, string | string[] | (() => string | string[])>): OutboundLookup {
  return async (hostname) => {
    const entry = table[hostname.toLowerCase()]
    if (entry === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
    const value = typeof entry === 'function' ? entry() : entry
    return (Array.isArray(value) ? value : [value]).map((address) => ({ address, family: isIP(address) }))
  }
}
