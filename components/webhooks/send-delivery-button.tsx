'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-field'
import type { FormAction } from '@/lib/auth/action-result'
import type { DeliveryOutcome } from '@/lib/webhooks/deliver-now'

/** "Send test event" and "Retry now": one attempt right away, with its outcome shown inline. */
export function SendDeliveryButton({
  teamSlug,
  deliveryId,
  label,
  action,
}: {
  teamSlug: string
  deliveryId?: string
  label: string
  action: FormAction<DeliveryOutcome | null>
}) {
  const [state, formAction, pending] = useActionState(action, null)
  const outcome = state?.ok ? state.data : null
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="team" value={teamSlug} />
      {deliveryId ? <input type="hidden" name="deliveryId" value={deliveryId} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Sending…' : label}
      </Button>
      {outcome ? (
        <span
          role="status"
          data-delivery-outcome={outcome.state}
          className={outcome.state === 'DELIVERED' ? 'text-xs text-emerald-700' : 'text-xs text-red-700'}
        >
          {outcome.state === 'DELIVERED'
            ? `Delivered (HTTP ${outcome.lastStatusCode})`
            : `${outcome.lastError ?? 'Not delivered'}${outcome.state === 'PENDING' ? '; retrying automatically' : ''}`}
        </span>
      ) : null}
      <FormMessage result={state} />
    </form>
  )
}
