// The console's Content-Security-Policy, built per request by proxy.ts. Scripts run only with this
// request's nonce (Next puts it on its own scripts when it finds it in the request's CSP header),
// and 'strict-dynamic' lets those scripts load the chunks they need; no 'unsafe-inline' for
// scripts. 'self' is the fallback for browsers without CSP level 3. React needs 'unsafe-eval'
// in development only. The other security headers are static (next.config.ts).

export const NONCE_HEADER = 'x-nonce'

/** A fresh nonce: 128 random bits, base64 (Web Crypto, so it runs wherever proxy.ts runs). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

export function contentSecurityPolicy(nonce: string, { dev = process.env.NODE_ENV !== 'production' } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Charts and Next's route announcer set inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
}
