import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/card'
import { Input } from '@/components/ui/form-field'
import { Pagination, withParams } from '@/components/ui/pagination'
import type { PaidSubscriptionUsage } from '@/lib/billing/list-paid-subscription-usage'
import { SubscriptionUsageTable } from './subscription-usage-table'
import type { OffsetPage } from '@/lib/pagination/paginate-offset'

type Page = OffsetPage<PaidSubscriptionUsage>

/** The consumer view: paid subscriptions and their free quota, with their own search (sq) and page (sp). */
export function PaidSubscriptionsSection({
  teamSlug,
  month,
  subscriptions,
  sq,
  keep,
}: {
  teamSlug: string
  month: string
  subscriptions: Page
  sq?: string
  keep: Record<string, string | undefined>
}) {
  const basePath = `/t/${teamSlug}/billing`
  return (
    <section id="subscriptions" className="space-y-3" aria-labelledby="subscriptions-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="subscriptions-heading" className="text-sm font-semibold text-slate-900">
            Paid subscriptions
          </h2>
          <p className="text-xs text-slate-500">
            Your active subscriptions on paid plans and this month&apos;s free quota.
          </p>
        </div>
        <form method="get" action="#subscriptions" role="search" className="flex gap-2">
          {Object.entries(keep).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <div className="w-56">
            <Input
              name="sq"
              type="search"
              aria-label="Search paid subscriptions"
              placeholder="API or plan"
              defaultValue={sq ?? ''}
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      {subscriptions.items.length === 0 ? (
        <EmptyState
          title={sq ? 'No paid subscription matches' : 'No paid subscriptions'}
          description="Subscriptions to paid plans show up here with their free quota."
        />
      ) : (
        <SubscriptionUsageTable teamSlug={teamSlug} month={month} rows={subscriptions.items} />
      )}
      <Pagination
        page={subscriptions.page}
        pageCount={subscriptions.pageCount}
        total={subscriptions.total}
        hrefFor={(sp) => `${withParams(basePath, { ...keep, sq }, { sp })}#subscriptions`}
      />
    </section>
  )
}
