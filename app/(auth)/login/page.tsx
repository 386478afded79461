import type { Metadata } from 'next'
import { signIn } from '@/lib/auth/auth'
import { oidcDisplayName } from '@/lib/auth/oidc-provider'
import { signInErrorMessage } from '@/lib/auth/sign-in-messages'
import { Button } from '@/components/ui/button'
import { LoginForm } from './login-form'

export const metadata: Metadata = { title: 'Sign in' }

type LoginSearchParams = { callbackUrl?: string; error?: string; code?: string }

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginSearchParams> }) {
  const { callbackUrl = '/catalog', error, code } = await searchParams
  const sso = oidcDisplayName()
  return (
    <div className="grid min-h-screen place-items-center bg-slate-100 px-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center gap-2">
          <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 font-bold text-white">T</span>
          <h1 className="text-lg font-semibold">Sign in to Tollgate</h1>
        </div>
        {/* Auth.js's own endpoints (single sign-on, POST /api/auth/callback/...) report failures here. */}
        <LoginForm callbackUrl={callbackUrl} initialError={signInErrorMessage(error, code)} />
        {sso ? (
          <form
            action={async () => {
              'use server'
              await signIn('oidc', { redirectTo: callbackUrl.startsWith('/') ? callbackUrl : '/catalog' })
            }}
          >
            <Button type="submit" variant="secondary" className="w-full">
              Continue with {sso}
            </Button>
          </form>
        ) : null}
      </div>
    </div>
  )
}
