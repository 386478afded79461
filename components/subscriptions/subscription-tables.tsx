import Link from 'next/link'
import { StateBadge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { FormAction } from '@/lib/auth/action-result'
import type { SubscriptionOutput } from '@/lib/subscriptions/schemas'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'

type Action = FormAction
const day = (date: Date) => date.toISOString().slice(0, 10)

function StateCell({ subscription }: { subscription: SubscriptionOutput }) {
  return (
    <div className="space-y-0.5">
      <StateBadge state={subscription.state} />
      {subscription.reason && (subscription.state === 'REJECTED' || subscription.state === 'SUSPENDED') ? (
        <p className="max-w-xs whitespace-normal text-xs text-slate-500" title={subscription.reason}>
          “{subscription.reason}”
        </p>
      ) : null}
    </div>
  )
}

function planText(plan: SubscriptionOutput['plan']) {
  const limit = plan.rateLimit ? `${plan.rateLimit}/${plan.rateWindow === 'SECOND' ? 's' : 'min'}` : 'unlimited'
  return `${plan.name} · ${limit}`
}

/** Requests to this team's APIs; owners and admins decide on them (viewers and members only see them). */
export function IncomingSubscriptionsTable({
  teamSlug,
  items,
  canApprove,
  approve,
  reject,
  suspend,
}: {
  teamSlug: string
  items: SubscriptionOutput[]
  canApprove: boolean
  approve: Action
  reject: Action
  suspend: Action
}) {
  if (items.length === 0)
    return (
      <EmptyState
        title="No incoming requests"
        description="When another team subscribes to one of your APIs, it shows up here."
      />
    )
  return (
    <Table>
      <thead>
        <tr>
          <Th>Consumer team</Th>
          <Th>API</Th>
          <Th>Plan</Th>
          <Th>State</Th>
          <Th>Requested</Th>
          {canApprove ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <TBody>
        {items.map((s) => {
          const fields = { team: teamSlug, subscriptionId: s.id }
          const who = `${s.consumerTeam.name} → ${s.api.name}`
          return (
            <tr key={s.id} data-subscription={s.id}>
              <Td className="font-medium text-slate-900">{s.consumerTeam.name}</Td>
              <Td>{s.api.name}</Td>
              <Td>{planText(s.plan)}</Td>
              <Td>
                <StateCell subscription={s} />
              </Td>
              <Td>{day(s.createdAt)}</Td>
              {canApprove ? (
                <Td className="text-right">
                  <span className="inline-flex gap-2">
                    {s.state === 'PENDING' ? (
                      <>
                        <ConfirmActionButton
                          label="Approve"
                          title="Approve this subscription?"
                          variant="primary"
                          confirmLabel="Approve"
                          description={`${who}. Their keys can call the API within a second.`}
                          fields={fields}
                          action={approve}
                        />
                        <ConfirmActionButton
                          label="Reject"
                          title="Reject this request?"
                          confirmLabel="Reject"
                          description={who}
                          reasonLabel="Reason (shown to the requesting team)"
                          fields={fields}
                          action={reject}
                        />
                      </>
                    ) : null}
                    {s.state === 'ACTIVE' ? (
                      <ConfirmActionButton
                        label="Suspend"
                        title="Suspend this subscription?"
                        confirmLabel="Suspend"
                        description={`${who}. Their calls are refused (403) within a second.`}
                        reasonLabel="Reason (shown to the consumer team)"
                        fields={fields}
                        action={suspend}
                      />
                    ) : null}
                  </span>
                </Td>
              ) : null}
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}

/** This team's own subscriptions to other APIs; members can cancel them. */
export function OutgoingSubscriptionsTable({
  teamSlug,
  items,
  canWrite,
  cancel,
}: {
  teamSlug: string
  items: SubscriptionOutput[]
  canWrite: boolean
  cancel: Action
}) {
  if (items.length === 0) {
    return (
      <EmptyState
        title="No subscriptions yet"
        description={
          <>
            Find an API in the{' '}
            <Link className="text-brand-700 underline" href="/catalog">
              catalog
            </Link>{' '}
            and subscribe to one of its plans.
          </>
        }
      />
    )
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>API</Th>
          <Th>Owner team</Th>
          <Th>Plan</Th>
          <Th>State</Th>
          <Th>Since</Th>
          {canWrite ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <TBody>
        {items.map((s) => (
          <tr key={s.id} data-subscription={s.id}>
            <Td className="font-medium">
              {s.ownerTeam.slug ? (
                <Link className="text-brand-700 hover:underline" href={`/catalog/${s.ownerTeam.slug}/${s.api.slug}`}>
                  {s.api.name}
                </Link>
              ) : (
                s.api.name
              )}
            </Td>
            <Td>{s.ownerTeam.name}</Td>
            <Td>{planText(s.plan)}</Td>
            <Td>
              <StateCell subscription={s} />
            </Td>
            <Td>{day(s.decidedAt ?? s.createdAt)}</Td>
            {canWrite ? (
              <Td className="text-right">
                {s.state === 'PENDING' || s.state === 'ACTIVE' ? (
                  <ConfirmActionButton
                    label={s.state === 'PENDING' ? 'Withdraw' : 'Cancel'}
                    title={s.state === 'PENDING' ? 'Withdraw this request?' : 'Cancel this subscription?'}
                    confirmLabel={s.state === 'PENDING' ? 'Withdraw' : 'Cancel subscription'}
                    description={
                      s.state === 'ACTIVE'
                        ? `Your keys stop working for ${s.api.name} within a second. Subscribing again may need approval.`
                        : `The request to ${s.api.name} is withdrawn.`
                    }
                    fields={{ team: teamSlug, subscriptionId: s.id }}
                    action={cancel}
                  />
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
