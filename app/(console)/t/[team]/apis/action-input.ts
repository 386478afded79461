import 'server-only'
import { formDataToObject } from '@/lib/auth/team-action'

/** Server actions here take a form post or a plain object (from ConfirmButton and dialogs). */
export function actionInput(input: FormData | Record<string, unknown>): Record<string, unknown> {
  return input instanceof FormData ? formDataToObject(input) : input
}
