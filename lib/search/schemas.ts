import { z } from 'zod'
import { searchText } from '@/lib/validation/text'

// Ctrl/Cmd-K: one short query. An empty or over-long one is no error, just nothing to look up.
export const MAX_SEARCH_LENGTH = 100

export const consoleSearchSchema = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, MAX_SEARCH_LENGTH) : ''), searchText()),
  // The team page searched from; absent outside a team. A team the user is not in answers 404.
  team: z.string().max(MAX_SEARCH_LENGTH).optional(),
})
