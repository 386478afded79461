import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/team-context'
import type { FormAction } from '@/lib/auth/action-result'
import { getSubscribeOptions } from '@/lib/subscriptions/get-subscribe-options'
import type { SubscribeResult } from '@/lib/subscriptions/schemas'
import { SubscribeForm } from './subscribe-form'

/** The catalog API page's subscribe box: plans, the user's eligible teams and their current status. */
export async function SubscribePanel({ apiId, action }: { apiId: string; action: FormAction<SubscribeResult> }) {
  const user = await requireUser()
  const options = await getSubscribeOptions(user.id, apiId)
  if (!options) return null
  return (
    <Card>
      <CardHeader
        title="Subscribe"
        description="Access is per team; keys of the subscribed team can then call this API."
      />
      <CardBody>
        {!options.acceptsSubscriptions ? (
          <p className="text-sm text-slate-500">
            This API does not take new subscriptions
            {options.api.state === 'RETIRED' ? ': it is retired' : ' until it is published'}.
          </p>
        ) : options.plans.length === 0 ? (
          <p className="text-sm text-slate-500">No plans are offered yet.</p>
        ) : options.teams.length === 0 ? (
          <p className="text-sm text-slate-500">
            None of your teams can subscribe: that needs the member, admin or owner role in a team.
          </p>
        ) : (
          <SubscribeForm apiId={options.api.id} plans={options.plans} teams={options.teams} action={action} />
        )}
      </CardBody>
    </Card>
  )
}
