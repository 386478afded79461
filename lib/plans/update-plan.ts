import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { publishConfigChange } from '@/lib/config-events/publish-config-change'
import { nameTaken } from './create-plan'
import { planPricingData } from './plan-pricing'
import { updatePlanSchema, type UpdatePlanInput } from './schemas'

/**
 * Edits a plan. Running gateways price calls and apply rate limits from their snapshot, so the
 * config version is bumped in the same transaction: a new price applies to the very next call.
 */
export async function updatePlan({ teamId }: TeamScope, input: UpdatePlanInput, tx?: Tx) {
  const { planId, paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth, ...data } =
    updatePlanSchema.parse(input)
  const client = tx ?? db
  const plan = await client.plan.findFirst({
    where: { id: planId, teamId },
    select: {
      id: true,
      apiId: true,
      paid: true,
      currency: true,
      pricePerCallMicros: true,
      pricePerMInputMicros: true,
      pricePerMOutputMicros: true,
      freeCallsPerMonth: true,
      api: { select: { kind: true } },
    },
  })
  if (!plan) throw notFound('Plan')
  const pricing = planPricingData(
    { paid, currency, pricePerCall, pricePerMInput, pricePerMOutput, freeCallsPerMonth },
    plan,
    { modelPricesApply: plan.api.kind !== 'REST' },
  )
  if (data.name) {
    const clash = await client.plan.findFirst({
      where: { apiId: plan.apiId, teamId, name: data.name, id: { not: planId } },
      select: { id: true },
    })
    if (clash) throw nameTaken()
  }
  const update = async (tx: Tx) => {
    const updated = await tx.plan.update({
      where: { id: planId, teamId },
      data: { ...data, ...pricing },
      select: { id: true, name: true },
    })
    await publishConfigChange(tx)
    return updated
  }
  return tx ? update(tx) : db.$transaction(update)
}
