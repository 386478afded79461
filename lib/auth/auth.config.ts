import type { NextAuthConfig } from 'next-auth'
import { NextResponse } from 'next/server'

// The edge-safe half of the Auth.js config: no database, so proxy.ts can use it for coarse
// redirects. The real checks happen on the server: the session in lib/auth/auth.ts (revocation,
// lib/auth/session-revocation.ts), permissions in lib/auth/team-context.ts.
const PUBLIC_PATHS = ['/login', '/invite', '/api/auth', '/api/v1', '/api/try-it', '/docs', '/_next', '/favicon']

/** How long a session lives without use; Auth.js re-issues the cookie (sliding) while it is used. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(prefix + '/'))
}

export const authConfig = {
  trustHost: true,
  // Errors of Auth.js's own endpoints (a refused single sign-on) land on the sign-in page, whose
  // form says what happened (lib/auth/sign-in-messages.ts), not on Auth.js's bare error page.
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    // proxy.ts wraps its own handler, so a signed-out visitor's redirect is answered from here.
    authorized({ auth, request }) {
      if (auth?.user || isPublicPath(request.nextUrl.pathname)) return true
      const signInUrl = new URL('/login', request.nextUrl)
      signInUrl.searchParams.set('callbackUrl', request.nextUrl.href)
      return NextResponse.redirect(signInUrl)
    },
    session({ session, token }) {
      if (typeof token.uid === 'string' && session.user) session.user.id = token.uid
      return session
    },
  },
} satisfies NextAuthConfig
