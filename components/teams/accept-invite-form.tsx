'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-field'
import type { FormAction } from '@/lib/auth/action-result'

export function AcceptInviteForm({ token, email, action }: { token: string; email: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null)
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage result={state} />
      <p className="text-xs text-slate-500">Signed in as {email}.</p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Joining…' : 'Accept and join the team'}
      </Button>
    </form>
  )
}
