'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { ConnectionTestResult } from '@/lib/ai/console/test-provider-connection'
import type { FormAction } from '@/lib/auth/action-result'

/** "Test connection": one real minimal chat call; the answer (or the provider's error) shows inline. */
export function TestConnectionButton({
  teamSlug,
  providerId,
  action,
}: {
  teamSlug: string
  providerId: string
  action: FormAction<ConnectionTestResult>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const result = state?.ok ? state.data : null
  return (
    <form action={formAction} className="space-y-1" aria-label="Test connection">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="providerId" value={providerId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      <p role="status" className="max-w-xs whitespace-normal text-xs">
        {state && !state.ok ? <span className="text-red-700">{state.error}</span> : null}
        {result?.ok ? (
          <span className="text-emerald-700">
            Connected: HTTP {result.status} in {result.ms} ms ({result.model}, {result.inputTokens} in /{' '}
            {result.outputTokens} out)
          </span>
        ) : null}
        {result && !result.ok ? (
          <span className="text-red-700">
            Failed{result.status ? ` (HTTP ${result.status})` : ''}: {result.error}
          </span>
        ) : null}
      </p>
    </form>
  )
}
