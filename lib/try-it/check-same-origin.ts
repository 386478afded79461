import { publicHost } from '@/lib/net/public-host'

/**
 * CSRF defence for the try-it route, which spends a team's key on a cookie session: the browser's
 * Origin must name this host. Browsers always send Origin on a cross-origin POST (and on a
 * same-origin fetch POST), so a missing Origin is refused too. Same rule as Next's server actions:
 * X-Forwarded-Host, when a proxy sets it, wins over Host.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin')
  const host = publicHost(headers)
  if (!origin || !host || origin === 'null') return false
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase()
  } catch {
    return false
  }
}
