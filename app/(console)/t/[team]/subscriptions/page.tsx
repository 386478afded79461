import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { Pagination, withParams } from '@/components/ui/pagination'
import { SubscriptionFilters } from '@/components/subscriptions/subscription-filters'
import { IncomingSubscriptionsTable, OutgoingSubscriptionsTable } from '@/components/subscriptions/subscription-tables'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listIncomingSubscriptions, listOutgoingSubscriptions } from '@/lib/subscriptions/list-subscriptions'
import { listSubscriptionsQuerySchema } from '@/lib/subscriptions/schemas'
import {
  approveSubscriptionAction,
  cancelSubscriptionAction,
  rejectSubscriptionAction,
  suspendSubscriptionAction,
} from './actions'

export const metadata: Metadata = { title: 'Subscriptions' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SubscriptionsPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const tab = raw.tab === 'outgoing' ? 'outgoing' : 'incoming'
  const query = listSubscriptionsQuerySchema.parse({ q: raw.q, state: raw.state, page: raw.page })
  const scope = scopeOf(context)
  const [list, pendingCount] = await Promise.all([
    tab === 'incoming' ? listIncomingSubscriptions(scope, query) : listOutgoingSubscriptions(scope, query),
    listIncomingSubscriptions(scope, { state: 'PENDING', pageSize: 1 }).then((r) => r.total),
  ])
  const basePath = `/t/${slug}/subscriptions`
  const current = { tab, q: query.q, state: query.state }

  return (
    <div className="space-y-4">
      <PageHeader
        title="Subscriptions"
        description="Requests to your team's APIs, and your team's subscriptions to other APIs."
      />
      <nav aria-label="Subscription lists" className="flex gap-1 border-b border-slate-200">
        <TabLink href={`${basePath}?tab=incoming`} active={tab === 'incoming'}>
          Incoming requests
          {pendingCount > 0 ? (
            <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 text-xs text-amber-800">{pendingCount}</span>
          ) : null}
        </TabLink>
        <TabLink href={`${basePath}?tab=outgoing`} active={tab === 'outgoing'}>
          Our subscriptions
        </TabLink>
      </nav>
      <SubscriptionFilters
        tab={tab}
        q={query.q}
        state={query.state}
        placeholder={tab === 'incoming' ? 'API or consumer team' : 'API or owner team'}
      />
      {tab === 'incoming' ? (
        <IncomingSubscriptionsTable
          teamSlug={slug}
          items={list.items}
          canApprove={context.can('subscriptions.approve')}
          approve={approveSubscriptionAction}
          reject={rejectSubscriptionAction}
          suspend={suspendSubscriptionAction}
        />
      ) : (
        <OutgoingSubscriptionsTable
          teamSlug={slug}
          items={list.items}
          canWrite={context.can('subscriptions.write')}
          cancel={cancelSubscriptionAction}
        />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        hrefFor={(page) => withParams(basePath, current, { page })}
      />
    </div>
  )
}

function TabLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
        active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800',
      )}
    >
      {children}
    </Link>
  )
}
