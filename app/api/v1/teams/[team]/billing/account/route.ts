// GET /api/v1/teams/{team}/billing/account: balance, credit limit, budget and this month's spend
// (amounts in micros, as strings). Needs a token with the billing grant.
import { getBillingOverview } from '@/lib/billing/get-billing-overview'
import { managementRoute } from '@/lib/management-api/management-route'

export const dynamic = 'force-dynamic'

export const GET = managementRoute<{ team: string }>('billing.read', async ({ caller }) => ({
  body: await getBillingOverview(caller.scope),
}))
