import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { planPricingData } from './plan-pricing'
import { createPlanSchema, type CreatePlanInput } from './schemas'

/** Adds a plan to one of the team's APIs: free unless marked paid with at least one price. */
export async function createPlan({ teamId }: TeamScope, input: CreatePlanInput) {
  const { apiId, paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth, ...data } =
    createPlanSchema.parse(input)
  const api = await db.api.findFirst({ where: { id: apiId, teamId }, select: { id: true, kind: true } })
  if (!api) throw notFound('API')
  const pricing = planPricingData(
    { paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth },
    undefined,
    { modelPricesApply: api.kind !== 'REST' },
  )
  const clash = await db.plan.findFirst({ where: { apiId, teamId, name: data.name }, select: { id: true } })
  if (clash) throw nameTaken()
  try {
    return await db.$transaction(async (tx) => {
      const plan = await tx.plan.create({
        data: { id: createId('plan'), apiId, teamId, ...data, ...pricing },
        select: { id: true, name: true },
      })
      await publishConfigChange(tx)
      return plan
    })
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw nameTaken()
    throw error
  }
}

export const nameTaken = () =>
  invalid('This API already has a plan with that name', { name: ['Pick another name'] }, 'plan_name_taken')

/** What a saved plan answers with (create and update alike). */
export type SavedPlan = Awaited<ReturnType<typeof createPlan>>
