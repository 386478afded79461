/**
 * Where to go after signing in: only ever a path on this site (no open redirect). Auth.js hands
 * over an absolute callback URL built from the server's bind address (e.g.
 * http://0.0.0.0:3000/t/acme/billing), so the path, query and hash are kept and the origin dropped.
 */
export function safeCallback(url: string | undefined): string {
  if (!url) return FALLBACK
  if (url.startsWith('/')) return url.startsWith('//') || url.startsWith('/\\') ? FALLBACK : url
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return FALLBACK
    return `${parsed.pathname}${parsed.search}${parsed.hash}`
  } catch {
    return FALLBACK
  }
}

const FALLBACK = '/catalog'
