'use client'

import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import type { FormAction } from '@/lib/auth/action-result'

/** Closes an OPEN incident by hand; the note is required and kept on the incident. */
export function ResolveIncidentButton({
  teamSlug,
  incidentId,
  action,
  side,
}: {
  teamSlug: string
  incidentId: string
  side: 'consumer' | 'owner'
  action: FormAction<{ id: string }>
}) {
  return (
    <ConfirmActionButton
      label="Resolve"
      variant="secondary"
      title="Resolve this incident?"
      confirmLabel="Resolve incident"
      reasonLabel="How was it resolved? (required, kept on the incident)"
      description={
        side === 'owner'
          ? 'The consumer sees it as resolved by the API owner. If the cause persists, the next blocked call opens a new incident.'
          : 'Resolve it once the cause is fixed. If calls are still refused, the next blocked call opens a new incident.'
      }
      fields={{ team: teamSlug, incidentId }}
      action={action}
    />
  )
}
