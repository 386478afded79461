import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import type { CatalogPlan } from '@/lib/catalog/get-catalog-api'
import { formatPlanPrice } from '@/lib/plans/format-plan-price'

/** The plans a consumer team can subscribe to: price, free quota, rate limit and approval. */
export function PlanList({ plans }: { plans: CatalogPlan[] }) {
  return (
    <Card>
      <CardHeader title="Plans" description="Subscribe on one of these to get access." />
      {plans.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500">No plans are offered yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Plans">
          {plans.map((plan) => (
            <li key={plan.id} className="space-y-1 px-4 py-3" data-plan={plan.name}>
              <div className="flex items-center justify-between gap-2">
                <p className="text-sm font-medium text-slate-900">{plan.name}</p>
                <Badge tone={plan.approval === 'MANUAL' ? 'amber' : 'green'}>
                  {plan.approval === 'MANUAL' ? 'Needs approval' : 'Instant access'}
                </Badge>
              </div>
              {plan.description ? <p className="text-xs text-slate-500">{plan.description}</p> : null}
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                <dt className="text-slate-500">Price</dt>
                <dd className="text-slate-800">{formatPlanPrice(plan)}</dd>
                <dt className="text-slate-500">Rate limit</dt>
                <dd className="text-slate-800">
                  {plan.rateLimit
                    ? `${plan.rateLimit.toLocaleString('en-US')} calls / ${plan.rateWindow === 'SECOND' ? 'second' : 'minute'}`
                    : 'Unlimited'}
                </dd>
                {plan.tokensPerMinute ? (
                  <>
                    <dt className="text-slate-500">Tokens</dt>
                    <dd className="text-slate-800">{plan.tokensPerMinute.toLocaleString('en-US')} / minute</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
