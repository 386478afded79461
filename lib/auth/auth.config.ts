import type { NextAuthConfig } from 'next-auth'

// The edge-safe half of the Auth.js config: no database, so proxy.ts can use it for coarse
// redirects. Real permission checks happen on the server in lib/auth/team-context.ts.
const PUBLIC_PATHS = ['/login', '/invite', '/api/auth', '/api/v1', '/api/try-it', '/docs', '/_next', '/favicon']

export const authConfig = {
  trustHost: true,
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname
      if (PUBLIC_PATHS.some((prefix) => path === prefix || path.startsWith(prefix + '/'))) return true
      return Boolean(auth?.user)
    },
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id
      return token
    },
    session({ session, token }) {
      if (token.uid && session.user) session.user.id = String(token.uid)
      return session
    },
  },
} satisfies NextAuthConfig
