'use server'

import { revalidatePath } from 'next/cache'
import { scopeOf } from '@/lib/auth/actor'
import { teamAction } from '@/lib/auth/team-action'
import { archivePlan } from '@/lib/plans/archive-plan'
import { createPlan } from '@/lib/plans/create-plan'
import { archivePlanSchema, createPlanSchema, updatePlanSchema } from '@/lib/plans/schemas'
import { updatePlan } from '@/lib/plans/update-plan'
import { actionInput } from '../action-input'

const create = teamAction('apis.write', createPlanSchema, (input, context) => createPlan(scopeOf(context), input))
const update = teamAction('apis.write', updatePlanSchema, (input, context) => updatePlan(scopeOf(context), input))
const archive = teamAction('apis.write', archivePlanSchema, (input, context) => archivePlan(scopeOf(context), input))

function revalidatePlans(teamSlug: string) {
  revalidatePath(`/t/${teamSlug}/apis`, 'layout')
  revalidatePath('/catalog', 'layout')
}

export async function createPlanAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await create(teamSlug, actionInput(input))
  if (result.ok) revalidatePlans(teamSlug)
  return result
}

export async function updatePlanAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await update(teamSlug, actionInput(input))
  if (result.ok) revalidatePlans(teamSlug)
  return result
}

export async function archivePlanAction(teamSlug: string, input: FormData | Record<string, unknown>) {
  const result = await archive(teamSlug, actionInput(input))
  if (result.ok) revalidatePlans(teamSlug)
  return result
}
