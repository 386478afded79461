import { z } from 'zod'
import { dateInput } from '@/lib/validation/dates'
import { idInput } from '@/lib/validation/ids'
import { integerInput } from '@/lib/validation/numbers'

// The notifications page's URL params and its "mark read" form. Bad params fall back (no 500).

export const NOTIFICATIONS_PAGE_SIZE = 25

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)

export const listNotificationsQuerySchema = z.object({
  show: z
    .preprocess(first, z.enum(['all', 'unread']))
    .catch('all')
    .default('all'),
  page: z
    .preprocess(first, integerInput({ min: 1, max: 10_000 }))
    .catch(1)
    .default(1),
})
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>

export function parseListNotificationsQuery(searchParams: unknown): ListNotificationsQuery {
  return listNotificationsQuerySchema.parse(searchParams && typeof searchParams === 'object' ? searchParams : {})
}

export const markNotificationsReadSchema = z.object({
  // One notification, or (absent) all of them…
  notificationId: z.preprocess(emptyToUndefined, idInput().optional()),
  // …up to the newest one the page showed, so one that arrives meanwhile stays unread.
  upTo: z.preprocess(emptyToUndefined, dateInput({ missing: 'Not a valid time' }).optional()),
})
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>
