import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { bumpConfigVersion } from '@/lib/gateway/config-version'
import { nameTaken } from './create-plan'
import { updatePlanSchema, type UpdatePlanInput } from './schemas'

/** Edits a plan; the gateway picks up new rate limits through the config version. */
export async function updatePlan({ teamId, input }: { teamId: string; input: UpdatePlanInput }) {
  const { planId, ...data } = updatePlanSchema.parse(input)
  const plan = await db.plan.findFirst({ where: { id: planId, teamId }, select: { id: true, apiId: true } })
  if (!plan) throw notFound('Plan')
  if (data.name) {
    const clash = await db.plan.findFirst({ where: { apiId: plan.apiId, teamId, name: data.name, id: { not: planId } }, select: { id: true } })
    if (clash) throw nameTaken()
  }
  return db.$transaction(async (tx) => {
    const updated = await tx.plan.update({ where: { id: planId, teamId }, data, select: { id: true, name: true } })
    await bumpConfigVersion(tx)
    return updated
  })
}
