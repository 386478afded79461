import { z } from 'zod'
import { TEAM_VIEWS, type TeamView } from '@/lib/teams/team-view'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'
import { plainText, searchText } from '@/lib/validation/text'
import { PAYMENT_CAUSES } from './causes'

// The incidents page's URL params and the manual resolution form. A bad param falls back to its
// default (never a 500); the resolution note is required and shown next to the dialog's field.

export const INCIDENTS_PAGE_SIZE = 20
export const INCIDENT_STATES = ['OPEN', 'RESOLVED'] as const

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const blankToUndefined = (value: unknown) => {
  const v = first(value)
  return typeof v === 'string' && v.trim() === '' ? undefined : v
}

export const listIncidentsQuerySchema = z.object({
  // Absent: the page picks the side the team actually has (consumer first).
  view: z.preprocess(first, z.enum(TEAM_VIEWS)).optional().catch(undefined),
  q: z.preprocess(blankToUndefined, searchText().min(1).max(100)).optional().catch(undefined),
  cause: z.preprocess(blankToUndefined, z.enum(PAYMENT_CAUSES)).optional().catch(undefined),
  state: z.preprocess(blankToUndefined, z.enum(INCIDENT_STATES)).optional().catch(undefined),
  page: z
    .preprocess(first, integerInput({ min: 1, max: 10_000 }))
    .catch(1)
    .default(1),
})
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuerySchema>
/** What listIncidents reads: the page has settled on one side of the team by then. */
export type ListIncidentsInput = Partial<Omit<ListIncidentsQuery, 'view'>> & { view: TeamView; pageSize?: number }

export function parseListIncidentsQuery(searchParams: unknown): ListIncidentsQuery {
  return listIncidentsQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
}

export const resolveIncidentSchema = z.object({
  incidentId: idInput('Missing incident'),
  // ConfirmActionButton posts the dialog's text as `reason` (a textarea: it may span lines).
  reason: plainText({ multiline: true })
    .min(3, 'Say in a few words how this was resolved')
    .max(500, 'Use at most 500 characters'),
})
export type ResolveIncidentInput = z.infer<typeof resolveIncidentSchema>
