// GET /api/v1/teams/{team}/billing/statements/{month}: one calendar month's statement (YYYY-MM).
import { getMonthlyStatement } from '@/lib/billing/get-monthly-statement'
import { AppError } from '@/lib/errors/app-error'
import { managementRoute } from '@/lib/management-api/management-route'
import { isCalendarMonth } from '@/lib/validation/dates'

export const dynamic = 'force-dynamic'

export const GET = managementRoute<{ team: string; month: string }>('billing.read', async ({ params, caller }) => {
  if (!isCalendarMonth(params.month)) {
    throw new AppError({ code: 'validation_failed', status: 422, message: 'Name the month as YYYY-MM' })
  }
  return { body: await getMonthlyStatement(caller.scope, { month: params.month }) }
})
