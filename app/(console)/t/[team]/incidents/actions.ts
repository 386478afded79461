'use server'

import { revalidatePath } from 'next/cache'
import type { ActionState } from '@/lib/auth/action-result'
import { scopeOf } from '@/lib/auth/actor'
import { runTeamForm, teamAction } from '@/lib/auth/team-action'
import { resolveIncident } from '@/lib/incidents/resolve-incident'
import { resolveIncidentSchema } from '@/lib/incidents/schemas'

// The acting team comes from teamAction's membership check ('incidents.write'), never from the
// form; resolveIncident then only finds incidents where that team is the consumer or the owner.

const doResolve = teamAction(
  'incidents.write',
  resolveIncidentSchema,
  async (input, context) => resolveIncident(scopeOf(context), input),
  { audit: 'incident.resolve' },
)

export async function resolveIncidentAction(
  _previous: ActionState<{ id: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string }>> {
  // The list, the detail page and the call log's incident links all change.
  return runTeamForm(formData, doResolve, (slug) => revalidatePath(`/t/${slug}/incidents`, 'layout'))
}
