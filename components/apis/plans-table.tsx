import { Badge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { FormAction } from '@/lib/auth/action-result'
import type { ArchivedPlan } from '@/lib/plans/archive-plan'
import { formatPlanPrice } from '@/lib/plans/format-plan-price'

type PlanRow = {
  id: string
  name: string
  description: string
  rateLimit: number | null
  rateWindow: string
  tokensPerMinute: number | null
  approval: string
  archivedAt: Date | null
  paid: boolean
  currency: string
  pricePerCallMicros: bigint
  pricePerMInputMicros: bigint
  pricePerMOutputMicros: bigint
  freeCallsPerMonth: number
}

/** `editHref(planId)`: where the Edit link goes (the page shows the edit form for that plan). */
export function PlansTable({
  teamSlug,
  plans,
  canWrite,
  editHref,
  archive,
}: {
  teamSlug: string
  plans: PlanRow[]
  canWrite: boolean
  editHref: (planId: string) => string
  archive: FormAction<ArchivedPlan>
}) {
  if (plans.length === 0)
    return (
      <p className="text-sm text-slate-500">No plans yet. A version can only be published once the API has a plan.</p>
    )
  return (
    <>
      <Table>
        <thead>
          <tr>
            <Th>Plan</Th>
            <Th>Price</Th>
            <Th>Rate limit</Th>
            <Th>Approval</Th>
            <Th>Status</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <TBody>
          {plans.map((plan) => (
            <tr key={plan.id} data-plan={plan.name}>
              <Td>
                <span className="font-medium text-slate-900">{plan.name}</span>
                {plan.description ? <span className="block text-xs text-slate-500">{plan.description}</span> : null}
              </Td>
              <Td className="text-xs">{formatPlanPrice(plan)}</Td>
              <Td className="text-xs">
                {plan.rateLimit
                  ? `${plan.rateLimit} / ${plan.rateWindow === 'SECOND' ? 'second' : 'minute'}`
                  : 'Unlimited'}
                {plan.tokensPerMinute ? (
                  <span className="block text-slate-500">
                    {plan.tokensPerMinute.toLocaleString('en-US')} tokens / minute
                  </span>
                ) : null}
              </Td>
              <Td className="text-xs">{plan.approval === 'AUTO' ? 'Automatic' : 'Manual'}</Td>
              <Td>{plan.archivedAt ? <Badge>Archived</Badge> : <Badge tone="green">Active</Badge>}</Td>
              <Td className="text-right">
                {canWrite && !plan.archivedAt ? (
                  <span className="inline-flex gap-1">
                    <ButtonLink
                      variant="ghost"
                      size="sm"
                      href={editHref(plan.id)}
                      scroll={false}
                      aria-label={`Edit plan ${plan.name}`}
                    >
                      Edit
                    </ButtonLink>
                    <ConfirmActionButton
                      label="Archive"
                      title={`Archive plan “${plan.name}”`}
                      description="No one can subscribe to an archived plan any more. Existing subscriptions keep working."
                      confirmLabel="Archive"
                      fields={{ team: teamSlug, planId: plan.id }}
                      action={archive}
                    />
                  </span>
                ) : null}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {canWrite ? null : (
        <p data-read-only className="text-xs text-slate-500">
          Only members who can edit APIs can add, edit or archive plans.
        </p>
      )}
    </>
  )
}
