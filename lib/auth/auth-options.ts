import { CredentialsSignin } from '@auth/core/errors'
import type { NextAuthConfig } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { clientAddressFrom } from '@/lib/net/client-address'
import { authConfig } from './auth.config'
import { loginLimiter, type LoginAttempt, type LoginRefusal } from './login-limits'
import { applyGroupRoles, groupsClaimName, parseGroupRoles } from './oidc-groups'
import { oidcProviders } from './oidc-provider'
import { findLiveSessionUser, newSessionClaims, revokeSession } from './session-revocation'
import { verifyPassword } from './verify-password'

/** Too many attempts; the sign-in form shows how long to wait. */
export class RateLimitedSignin extends CredentialsSignin {
  code = 'rate_limited'
  constructor(readonly retryAfterSeconds: number) {
    super()
  }
}

/** The right password for a disabled account. */
export class DisabledSignin extends CredentialsSignin {
  code = 'account_disabled'
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
})

// The Node-side Auth.js config; lib/auth/auth.ts turns it into handlers and auth(). It needs none
// of next-auth's Next.js glue, so tests run these very callbacks through @auth/core's Auth().
export const authOptions = {
  ...authConfig,
  // A wrong password or a limit is an expected outcome, not a server error.
  logger: {
    error(error) {
      if ((error as { type?: string }).type !== 'CredentialsSignin') console.error('[auth]', error)
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) return null
        const { email, password } = parsed.data
        // The front door's socket address, never the client's X-Forwarded-For (DESIGN, "Trust boundaries").
        const attempt = await beginAttempt(email, clientAddressFrom(request.headers))
        if (!attempt.allowed) throw new RateLimitedSignin(attempt.retryAfterSeconds)
        const user = await verifyPassword(email, password)
        await settleAttempt(attempt, user && !user.disabledAt ? 'success' : 'failure')
        if (user?.disabledAt) throw new DisabledSignin()
        return user ? { id: user.id, email: user.email, name: user.name } : null
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // An OIDC sign-in maps onto a Tollgate user by verified email; the first one creates it. An
    // address the provider says it has not verified could be anybody's, so it is refused.
    async signIn({ user, account, profile }) {
      if (!account || account.provider === 'credentials') return true
      if (!user.email) return false
      if (profile?.email_verified === false) return '/login?error=AccessDenied&code=email_unverified'
      const email = user.email.toLowerCase()
      const existing = await db.user.upsert({
        where: { email },
        update: {},
        create: { id: createId('usr'), email, name: user.name ?? email },
      })
      if (existing.disabledAt) return false
      user.id = existing.id
      const claim = groupsClaimName()
      if (claim) await applyGroupRoles(existing.id, parseGroupRoles(profile?.[claim]))
      return true
    },
    // Runs on every request the server authenticates (auth(), /api/auth/session): a new session
    // gets its id; an existing one must still be live (one query). null signs the visitor out.
    async jwt({ token, user }) {
      if (user?.id) return { ...token, ...newSessionClaims(user.id) }
      const live = await findLiveSessionUser(token)
      if (!live) return null
      return { ...token, name: live.name, email: live.email }
    },
    session({ session, token }) {
      if (typeof token.uid === 'string')
        session.user = { ...session.user, id: token.uid, email: String(token.email), name: String(token.name) }
      return session
    },
  },
  events: {
    // Sign-out (the button or POST /api/auth/signout): this session's JWT is refused from now on.
    async signOut(message) {
      if ('token' in message && message.token) await revokeSession(message.token)
    },
  },
} satisfies NextAuthConfig

// The limiter falls back to memory by itself when Redis is away; anything else it throws is
// logged and the attempt goes ahead, because refusing every sign-in is worse than one unlimited try.
async function beginAttempt(email: string, address: string): Promise<LoginAttempt | LoginRefusal> {
  try {
    return await loginLimiter().begin(email, address)
  } catch (error) {
    console.error('[auth] sign-in limiter failed; attempt not limited', error)
    return { allowed: true, settle: async () => {} }
  }
}

async function settleAttempt(attempt: LoginAttempt, outcome: 'success' | 'failure') {
  await attempt
    .settle(outcome)
    .catch((error: unknown) => console.error('[auth] sign-in limiter failed to record an attempt', error))
}
