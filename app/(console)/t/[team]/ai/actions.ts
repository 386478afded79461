'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { createModel } from '@/lib/ai/console/create-model'
import { createProvider } from '@/lib/ai/console/create-provider'
import { deleteModel } from '@/lib/ai/console/delete-model'
import { deleteProvider } from '@/lib/ai/console/delete-provider'
import {
  createModelSchema,
  createProviderSchema,
  modelIdSchema,
  modelNameSchema,
  providerIdSchema,
  updateModelSchema,
  updateProviderSchema,
} from '@/lib/ai/console/schemas'
import { testProviderConnection, type ConnectionTestResult } from '@/lib/ai/console/test-provider-connection'
import { updateModel } from '@/lib/ai/console/update-model'
import { updateProvider } from '@/lib/ai/console/update-provider'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction, type TeamActionRunner } from '@/lib/auth/team-action'

// Providers and models of the AI page. The team comes from teamAction's membership check, never
// from the form; results never carry a provider key (ProviderOutput has none).

type Saved = { id: string; name: string }

const doCreateProvider = teamAction(
  'ai.write',
  createProviderSchema,
  async (input, context, tx): Promise<Saved> => {
    const { id, name } = await createProvider(scopeOf(context), input, tx)
    return { id, name }
  },
  { audit: 'ai_provider.create', transaction: true },
)
const doUpdateProvider = teamAction(
  'ai.write',
  updateProviderSchema,
  async (input, context, tx): Promise<Saved> => {
    const { id, name } = await updateProvider(scopeOf(context), input, tx)
    return { id, name }
  },
  { audit: 'ai_provider.update', transaction: true },
)
const doDeleteProvider = teamAction(
  'ai.write',
  providerIdSchema,
  (input, context, tx) => deleteProvider(scopeOf(context), input, tx),
  { audit: 'ai_provider.delete', transaction: true },
)
const testSchema = providerIdSchema.extend({
  providerModel: z.preprocess((v) => (v === '' ? undefined : v), modelNameSchema.optional()),
})
// A connection test only reads the provider's answer: nothing to audit.
const doTestProvider = teamAction(
  'ai.write',
  testSchema,
  (input, context) => testProviderConnection(scopeOf(context), input),
  { audit: false },
)
const doCreateModel = teamAction(
  'ai.write',
  createModelSchema,
  (input, context, tx) => createModel(scopeOf(context), input, tx),
  { audit: 'ai_model.create', transaction: true },
)
const doUpdateModel = teamAction(
  'ai.write',
  updateModelSchema,
  (input, context, tx) => updateModel(scopeOf(context), input, tx),
  { audit: 'ai_model.update', transaction: true },
)
const doDeleteModel = teamAction(
  'ai.write',
  modelIdSchema,
  (input, context, tx) => deleteModel(scopeOf(context), input, tx),
  { audit: 'ai_model.delete', transaction: true },
)

function run<T>(formData: FormData, action: TeamActionRunner<T>): Promise<ActionState<T>> {
  return runTeamForm(formData, action, (slug) => revalidatePath(`/t/${slug}/ai`))
}

export async function createProviderAction(_p: ActionState<Saved>, formData: FormData): Promise<ActionState<Saved>> {
  return run(formData, doCreateProvider)
}
export async function updateProviderAction(_p: ActionState<Saved>, formData: FormData): Promise<ActionState<Saved>> {
  return run(formData, doUpdateProvider)
}
export async function deleteProviderAction(
  _p: ActionState<{ name: string }>,
  formData: FormData,
): Promise<ActionState<{ name: string }>> {
  return run(formData, doDeleteProvider)
}
export async function testProviderAction(
  _p: ActionState<ConnectionTestResult>,
  formData: FormData,
): Promise<ActionState<ConnectionTestResult>> {
  // Nothing changes, so nothing to refresh.
  return runTeamForm(formData, doTestProvider, () => {})
}
export async function createModelAction(_p: ActionState<Saved>, formData: FormData): Promise<ActionState<Saved>> {
  return run(formData, doCreateModel)
}
export async function updateModelAction(_p: ActionState<Saved>, formData: FormData): Promise<ActionState<Saved>> {
  return run(formData, doUpdateModel)
}
export async function deleteModelAction(
  _p: ActionState<{ name: string }>,
  formData: FormData,
): Promise<ActionState<{ name: string }>> {
  return run(formData, doDeleteModel)
}
