import type { Metadata } from 'next'
import { BillingCharts } from '@/components/billing/billing-charts'
import { BillingSummary } from '@/components/billing/billing-summary'
import { BudgetForm } from '@/components/billing/budget-form'
import { LedgerSection } from '@/components/billing/ledger-section'
import { PaidSubscriptionsSection } from '@/components/billing/paid-subscriptions-section'
import { PaymentMethodForm } from '@/components/billing/payment-method-form'
import { StatementTable } from '@/components/billing/statement-table'
import { TopUpForm } from '@/components/billing/top-up-form'
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from '@/components/ui/card'
import { BillingRangeSummary } from '@/components/billing/billing-range-summary'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { DashboardRangeForm } from '@/components/charts/dashboard-range-form'
import { withParams } from '@/components/ui/pagination'
import {
  DASHBOARD_RANGES,
  parseDashboardQuery,
  previousWindow,
  resolveQueryWindow,
  type DashboardQuery,
} from '@/lib/analytics/dashboard-window'
import { getSpendSummary } from '@/lib/analytics/get-spend-summary'
import { getUsageByGroup } from '@/lib/analytics/get-usage-by-group'
import { USAGE_GROUP_LABELS } from '@/lib/analytics/usage-groups'
import { getCostByModel } from '@/lib/analytics/get-cost-by-model'
import { getRevenueByConsumer } from '@/lib/analytics/get-revenue-by-consumer'
import { getSpendByApi } from '@/lib/analytics/get-spend-by-api'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { getBillingOverview } from '@/lib/billing/get-billing-overview'
import { getMonthlyStatement } from '@/lib/billing/get-monthly-statement'
import { listLedgerEntries } from '@/lib/billing/list-ledger-entries'
import { listPaidSubscriptionUsage } from '@/lib/billing/list-paid-subscription-usage'
import { microsToDecimal } from '@/lib/billing/money'
import { SANDBOX_CARD_HINT } from '@/lib/billing/sandbox-payment-provider'
import { getPaymentProvider } from '@/lib/billing/get-payment-provider'
import { parseBillingPageQuery } from '@/lib/billing/schemas'
import { teamOwnsApis } from '@/lib/billing/team-owns-apis'
import { createId } from '@/lib/ids'
import { topUpAction, updateBillingSettingsAction, updatePaymentMethodAction } from './actions'

export const metadata: Metadata = { title: 'Billing' }

const RANGE_LABELS = { '24h': '24 h', '7d': '7 d', '30d': '30 d' } as const
// The cost chart is the team's own spend: it has no consumer team to group by.
const BILLING_GROUPS = ['api', 'key', 'version'] as const

/** The dashboards' range (the errors page's parser), opening on the last 30 days rather than 24 h. */
function billingRange(raw: Record<string, string | string[] | undefined>): DashboardQuery {
  const parsed = parseDashboardQuery({ ...raw, view: 'consumer' })
  return parsed.range === '24h' && raw.range !== '24h' ? { ...parsed, range: '30d' } : parsed
}

function billingRangeParams(range: DashboardQuery): Record<string, string | undefined> {
  const custom = range.range === 'custom' && range.from && range.to
  return {
    range: custom ? 'custom' : range.range === '30d' ? undefined : range.range,
    from: custom ? range.from!.toISOString() : undefined,
    to: custom ? range.to!.toISOString() : undefined,
    group: range.group,
  }
}

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function BillingPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  if (!context.can('billing.read')) return <EmptyState title="Billing is not available to your role" />
  const query = parseBillingPageQuery(raw)
  const scope = scopeOf(context)
  const canWrite = context.can('billing.write')
  const range = billingRange(raw)
  const window = resolveQueryWindow(range)
  const before = previousWindow(window)
  const group = range.group ?? 'api'
  const [overview, ledger, statement, subscriptions, cost, spend, ownsApis, spentByModel, spent, spentBefore] =
    await Promise.all([
      getBillingOverview(scope),
      listLedgerEntries(scope, { q: query.q, page: query.page }),
      getMonthlyStatement(scope, { month: query.month }),
      listPaidSubscriptionUsage(scope, { q: query.sq, page: query.sp }),
      getUsageByGroup(scope, { view: 'consumer', window, filter: {}, group, measure: 'costMicros' }),
      getSpendByApi(scope, { window }),
      teamOwnsApis(scope),
      getCostByModel(scope, { window, view: 'consumer' }),
      getSpendSummary(scope, { view: 'consumer', window }),
      getSpendSummary(scope, { view: 'consumer', window: before }),
    ])
  const [revenue, earnedByModel, earned, earnedBefore] = ownsApis
    ? await Promise.all([
        getRevenueByConsumer(scope, { window }),
        getCostByModel(scope, { window, view: 'owner' }),
        getSpendSummary(scope, { view: 'owner', window }),
        getSpendSummary(scope, { view: 'owner', window: before }),
      ])
    : [null, null, null, null]
  // The range's links and form keep the ledger's search, the subscriptions' search and the month.
  const basePath = `/t/${slug}/billing`
  const rangeParams = billingRangeParams(range)
  const keepBilling = { q: query.q, sq: query.sq, month: raw.month ? query.month : undefined }
  // The month stays in links only when chosen, so default URLs stay clean.
  const month = raw.month ? query.month : undefined
  const cardHint = getPaymentProvider().name === 'sandbox' ? SANDBOX_CARD_HINT : 'Charged through the payment provider.'
  const methodValid = overview.paymentMethodStatus === 'VALID'
  const budgetValues = {
    monthlyBudget: overview.monthlyBudgetMicros === null ? '' : microsToDecimal(overview.monthlyBudgetMicros),
    alertThresholds: overview.alertThresholds,
    creditLimit: microsToDecimal(overview.creditLimitMicros),
  }

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title="Billing"
        description="Prepaid balance, payment method, budget, the ledger and monthly statements. Summaries in cents (hover for the exact amount), the ledger to the micro-unit; times in UTC."
      />
      <BillingSummary teamSlug={slug} overview={overview} canFix={canWrite} />

      {canWrite ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              title="Top up"
              description="Adds funds to the prepaid balance. Open payment incidents caused by missing funds close automatically."
            />
            <CardBody>
              <TopUpForm
                teamSlug={slug}
                idempotencyKey={createId('topup')}
                currency={overview.currency}
                methodLabel={overview.paymentMethodLabel}
                action={topUpAction}
              />
            </CardBody>
          </Card>
          <section id="payment-method" className={methodValid ? '' : 'rounded-lg ring-2 ring-amber-400'}>
            <Card>
              <CardHeader
                title={methodValid ? 'Replace the payment method' : 'Fix the payment method'}
                description={
                  methodValid
                    ? `On file: ${overview.paymentMethodLabel ?? 'a card'}.`
                    : 'Calls that need credit answer 402 until a valid card is on file.'
                }
              />
              <CardBody>
                <PaymentMethodForm
                  teamSlug={slug}
                  hint={cardHint}
                  submitLabel={methodValid ? 'Replace card' : 'Save card'}
                  action={updatePaymentMethodAction}
                />
              </CardBody>
            </Card>
          </section>
          <section id="budget" className="lg:col-span-2">
            <Card>
              <CardHeader
                title="Budget and limits"
                description="Raising or removing the budget closes open budget incidents."
              />
              <CardBody>
                <BudgetForm
                  teamSlug={slug}
                  currency={overview.currency}
                  canEdit
                  action={updateBillingSettingsAction}
                  values={budgetValues}
                />
              </CardBody>
            </Card>
          </section>
        </div>
      ) : (
        <Card>
          <CardHeader title="Budget and limits" />
          <CardBody>
            <BudgetForm
              teamSlug={slug}
              currency={overview.currency}
              canEdit={false}
              action={updateBillingSettingsAction}
              values={budgetValues}
            />
          </CardBody>
        </Card>
      )}

      <section aria-labelledby="billing-range-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="billing-range-heading" className="text-sm font-semibold text-slate-900">
            Spend and revenue over time
          </h2>
          <SegmentedLinks
            label="Time range"
            options={DASHBOARD_RANGES.map((r) => ({
              label: RANGE_LABELS[r],
              href: withParams(
                basePath,
                { ...keepBilling, ...rangeParams },
                {
                  range: r === '30d' ? undefined : r,
                  from: undefined,
                  to: undefined,
                },
              ),
              active: r === range.range,
            }))}
          />
        </div>
        <DashboardRangeForm
          basePath={basePath}
          query={range}
          window={window}
          keep={{ ...keepBilling, group: range.group }}
        />
        <BillingRangeSummary
          teamSlug={slug}
          currency={overview.currency}
          window={window}
          spent={{ current: spent, previous: spentBefore }}
          earned={earned && earnedBefore ? { current: earned, previous: earnedBefore } : null}
        />
      </section>

      <BillingCharts
        teamSlug={slug}
        currency={overview.currency}
        window={window}
        cost={cost}
        groupBy={
          <SegmentedLinks
            label="Group cost by"
            options={BILLING_GROUPS.map((g) => ({
              label: USAGE_GROUP_LABELS[g],
              href: withParams(basePath, { ...keepBilling, ...rangeParams }, { group: g === 'api' ? undefined : g }),
              active: g === group,
            }))}
          />
        }
        spend={spend}
        revenue={revenue}
        byModel={{ spent: spentByModel, earned: earnedByModel }}
      />

      <PaidSubscriptionsSection
        teamSlug={slug}
        month={overview.month}
        subscriptions={subscriptions}
        sq={query.sq}
        keep={{ q: query.q, month }}
      />
      <LedgerSection teamSlug={slug} ledger={ledger} q={query.q} keep={{ month, sq: query.sq }} />

      <section id="statement" className="space-y-3" aria-labelledby="statement-heading">
        <h2 id="statement-heading" className="text-sm font-semibold text-slate-900">
          Monthly statement
        </h2>
        <StatementTable teamSlug={slug} statement={statement} keep={{ q: query.q, sq: query.sq }} />
      </section>
    </div>
  )
}
