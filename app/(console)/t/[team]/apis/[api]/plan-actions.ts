'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'
import { archivePlan, type ArchivedPlan } from '@/lib/plans/archive-plan'
import { createPlan, type SavedPlan } from '@/lib/plans/create-plan'
import { archivePlanSchema, createPlanSchema, updatePlanSchema } from '@/lib/plans/schemas'
import { updatePlan } from '@/lib/plans/update-plan'

const doCreate = teamAction(
  'apis.write',
  createPlanSchema,
  (input, context, tx) => createPlan(scopeOf(context), input, tx),
  { audit: 'plan.create', transaction: true },
)
const doUpdate = teamAction(
  'apis.write',
  updatePlanSchema,
  (input, context, tx) => updatePlan(scopeOf(context), input, tx),
  { audit: 'plan.update', transaction: true },
)
const doArchive = teamAction(
  'apis.write',
  archivePlanSchema,
  (input, context, tx) => archivePlan(scopeOf(context), input, new Date(), tx),
  { audit: 'plan.archive', transaction: true },
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => {
    revalidatePath(`/t/${slug}/apis`, 'layout')
    revalidatePath('/catalog', 'layout')
  })
}

export async function createPlanAction(
  _previous: ActionState<SavedPlan>,
  formData: FormData,
): Promise<ActionState<SavedPlan>> {
  return run(formData, doCreate)
}

export async function updatePlanAction(
  _previous: ActionState<SavedPlan>,
  formData: FormData,
): Promise<ActionState<SavedPlan>> {
  return run(formData, doUpdate)
}

export async function archivePlanAction(
  _previous: ActionState<ArchivedPlan>,
  formData: FormData,
): Promise<ActionState<ArchivedPlan>> {
  return run(formData, doArchive)
}
