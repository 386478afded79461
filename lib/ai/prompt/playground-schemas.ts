import { z } from 'zod'
import { idInput } from '@/lib/validation/ids'

// The playground form: the version to run and its sample variables as one JSON field. The values
// themselves are checked by runPromptDraft against the version's declared variables, per field.

const MAX_PLAYGROUND_JSON_CHARS = 1_000_000

export const runPromptDraftSchema = z.object({
  versionId: idInput(),
  variables: z
    .string()
    .max(MAX_PLAYGROUND_JSON_CHARS, 'The variables are too large')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The variables are not valid JSON' })
        return z.NEVER
      }
    }),
})
