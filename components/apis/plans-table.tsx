import { Badge } from '@/components/ui/badge'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { ArchivePlanButton } from './archive-plan-button'

type PlanRow = { id: string; name: string; description: string; rateLimit: number | null; rateWindow: string; approval: string; archivedAt: Date | null }

export function PlansTable({ teamSlug, plans, canWrite }: { teamSlug: string; plans: PlanRow[]; canWrite: boolean }) {
  if (plans.length === 0) return <p className="text-sm text-slate-500">No plans yet. A version can only be published once the API has a plan.</p>
  return (
    <Table>
      <thead><tr><Th>Plan</Th><Th>Rate limit</Th><Th>Approval</Th><Th>Status</Th><Th className="text-right"><span className="sr-only">Actions</span></Th></tr></thead>
      <TBody>
        {plans.map((plan) => (
          <tr key={plan.id} data-plan={plan.name}>
            <Td>
              <span className="font-medium text-slate-900">{plan.name}</span>
              {plan.description ? <span className="block text-xs text-slate-500">{plan.description}</span> : null}
            </Td>
            <Td className="text-xs">{plan.rateLimit ? `${plan.rateLimit} / ${plan.rateWindow === 'SECOND' ? 'second' : 'minute'}` : 'Unlimited'}</Td>
            <Td className="text-xs">{plan.approval === 'AUTO' ? 'Automatic' : 'Manual'}</Td>
            <Td>{plan.archivedAt ? <Badge>Archived</Badge> : <Badge tone="green">Active</Badge>}</Td>
            <Td className="text-right">{canWrite && !plan.archivedAt ? <ArchivePlanButton teamSlug={teamSlug} planId={plan.id} name={plan.name} /> : null}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
