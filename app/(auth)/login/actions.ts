'use server'

import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn } from '@/lib/auth/auth'
import type { ActionState } from '@/lib/auth/action-result'
import { safeCallback } from '@/lib/auth/safe-callback'
import { ACCOUNT_DISABLED, SIGN_IN_UNAVAILABLE, WRONG_CREDENTIALS, tooManyAttempts } from '@/lib/auth/sign-in-messages'
import { fieldErrorsOf } from '@/lib/errors/field-errors'

const schema = z.object({
  email: z.string().trim().email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password'),
  callbackUrl: z.string().optional(),
})

export async function signInWithPassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(formData))
  if (!parsed.success)
    return { ok: false, error: 'Please correct the highlighted fields', fieldErrors: fieldErrorsOf(parsed.error) }
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    })
    return { ok: true, data: undefined }
  } catch (error) {
    if (error instanceof AuthError) {
      const { code, retryAfterSeconds } = error as AuthError & { code?: string; retryAfterSeconds?: number }
      if (code === 'rate_limited') return { ok: false, error: tooManyAttempts(retryAfterSeconds) }
      if (code === 'account_disabled') return { ok: false, error: ACCOUNT_DISABLED }
      if (error.type === 'CredentialsSignin') return { ok: false, error: WRONG_CREDENTIALS }
      console.error('[auth] sign-in failed', error)
      return { ok: false, error: SIGN_IN_UNAVAILABLE }
    }
    throw error // the redirect after a successful sign-in is thrown too
  }
}
