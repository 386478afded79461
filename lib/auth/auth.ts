import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { authConfig } from './auth.config'
import { isLoginRateLimited, recordLoginAttempt } from './login-rate-limit'
import { verifyPassword } from './verify-password'
import { oidcProviders } from './oidc-provider'

class RateLimitedSignin extends CredentialsSignin {
  code = 'rate_limited'
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
})

function clientIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local'
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // A wrong password is an expected outcome (recorded in LoginAttempt), not a server error.
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
        const ip = clientIp(request)
        if (await isLoginRateLimited(email, ip)) throw new RateLimitedSignin()
        const user = await verifyPassword(email, password)
        await recordLoginAttempt(email, ip, Boolean(user))
        return user ? { id: user.id, email: user.email, name: user.name } : null
      },
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // An OIDC sign-in maps onto a Tollgate user by verified email; the first one creates it.
    async signIn({ user, account }) {
      if (!account || account.provider === 'credentials') return true
      if (!user.email) return false
      const email = user.email.toLowerCase()
      const existing = await db.user.upsert({
        where: { email },
        update: {},
        create: { id: createId('usr'), email, name: user.name ?? email },
      })
      user.id = existing.id
      return true
    },
  },
})
