'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { formDataToObject, teamAction } from '@/lib/auth/team-action'
import { resolveIncident } from '@/lib/incidents/resolve-incident'
import { resolveIncidentSchema } from '@/lib/incidents/schemas'

// The acting team comes from teamAction's membership check ('incidents.write'), never from the
// form; resolveIncident then only finds incidents where that team is the consumer or the owner.

const doResolve = teamAction('incidents.write', resolveIncidentSchema, async (input, context) =>
  resolveIncident({ teamId: context.team.id, userId: context.user.id }, input))

export async function resolveIncidentAction(_previous: ActionState, formData: FormData): Promise<ActionState<{ id: string }>> {
  const slug = String(formData.get('team') ?? '')
  const result = await doResolve(slug, formDataToObject(formData))
  // The list, the detail page and the call log's incident links all change.
  if (result.ok) revalidatePath(`/t/${slug}/incidents`, 'layout')
  return result
}
