'use client'

import { useRouter } from 'next/navigation'
import { archivePlanAction } from '@/app/(console)/t/[team]/apis/[api]/plan-actions'
import { ConfirmButton } from '@/components/ui/confirm-button'

export function ArchivePlanButton({ teamSlug, planId, name }: { teamSlug: string; planId: string; name: string }) {
  const router = useRouter()
  return (
    <ConfirmButton
      label="Archive"
      title={`Archive plan “${name}”`}
      description="No one can subscribe to an archived plan any more. Existing subscriptions keep working."
      confirmLabel="Archive"
      onConfirm={async () => {
        const result = await archivePlanAction(teamSlug, { planId })
        if (result.ok) router.refresh()
        return result
      }}
    />
  )
}
