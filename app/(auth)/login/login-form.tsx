'use client'

import { useActionState, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Field, FormMessage, Input } from '@/components/ui/form-field'
import { fieldErrorsFor } from '@/lib/auth/action-result'
import { signInWithPassword } from './actions'

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [state, action, pending] = useActionState(
    signInWithPassword,
    initialError ? { ok: false, error: initialError } : null,
  )
  // Controlled, so React's reset after a failed attempt does not make the user retype the email.
  const [email, setEmail] = useState('')
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage result={state} />
      <Field label="Email" name="email" errors={fieldErrorsFor(state, 'email')}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field label="Password" name="password" errors={fieldErrorsFor(state, 'password')}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
