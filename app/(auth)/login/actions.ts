'use server'

import { AuthError } from 'next-auth'
import { z } from 'zod'
import { signIn } from '@/lib/auth/auth'
import type { ActionState } from '@/lib/auth/action-result'
import { safeCallback } from '@/lib/auth/safe-callback'
import { zodFieldErrors } from '@/lib/auth/team-action'

const schema = z.object({
  email: z.string().trim().email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password'),
  callbackUrl: z.string().optional(),
})

export async function signInWithPassword(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return { ok: false, error: 'Please correct the highlighted fields', fieldErrors: zodFieldErrors(parsed.error) }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: safeCallback(parsed.data.callbackUrl) })
    return { ok: true, data: undefined }
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code
      if (code === 'rate_limited') return { ok: false, error: 'Too many failed attempts. Wait 15 minutes and try again.' }
      return { ok: false, error: 'Wrong email or password' }
    }
    throw error // the redirect after a successful sign-in is thrown too
  }
}
