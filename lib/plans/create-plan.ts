import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { db, type Tx } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { createId } from '@/lib/ids'
import { planPricingData } from './plan-pricing'
import { createPlanSchema, type CreatePlanInput } from './schemas'

/**
 * Adds a plan to one of the team's APIs: free unless marked paid with at least one price. Joins the
 * caller's transaction when given one.
 */
export async function createPlan({ teamId }: TeamScope, input: CreatePlanInput, tx?: Tx) {
  const { apiId, paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth, ...data } =
    createPlanSchema.parse(input)
  const client = tx ?? db
  const api = await client.api.findFirst({ where: { id: apiId, teamId }, select: { id: true, kind: true } })
  if (!api) throw notFound('API')
  const pricing = planPricingData(
    { paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth },
    undefined,
    { modelPricesApply: api.kind !== 'REST' },
  )
  const clash = await client.plan.findFirst({ where: { apiId, teamId, name: data.name }, select: { id: true } })
  if (clash) throw nameTaken()
  const insert = async (tx: Tx) => {
    const plan = await tx.plan.create({
      data: { id: createId('plan'), apiId, teamId, ...data, ...pricing },
      select: { id: true, name: true },
    })
    await publishConfigChange(tx)
    await recordAuditChange(
      { action: 'plan.create', targetType: 'plan', targetId: plan.id, after: { apiId, ...data, ...pricing } },
      tx,
    )
    return plan
  }
  try {
    return await (tx ? insert(tx) : db.$transaction(insert))
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw nameTaken()
    throw error
  }
}

export const nameTaken = () =>
  invalid('This API already has a plan with that name', { name: ['Pick another name'] }, 'plan_name_taken')

/** What a saved plan answers with (create and update alike). */
export type SavedPlan = Awaited<ReturnType<typeof createPlan>>
