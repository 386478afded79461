import 'server-only'
import { headers } from 'next/headers'
import { z } from 'zod'
import type { AuditAction } from '@/lib/audit/audit-actions'
import { audited } from '@/lib/audit/audit-context'
import { describeAs } from '@/lib/audit/describe-change'
import type { AuditSource } from '@/lib/audit/write-audit-entry'
import type { Tx } from '@/lib/db'
import { fieldErrorsOf } from '@/lib/errors/field-errors'
import { toAppError } from '@/lib/errors/to-problem'
import { clientAddressFrom } from '@/lib/net/client-address'
import type { ActionResult } from './action-result'
import type { Permission } from './permissions'
import { requireTeamPermission, type TeamContext } from './team-context'

/**
 * The one wrapper for team-scoped server actions: checks membership and permission on the server,
 * validates the input with zod, and turns every failure into an ActionResult the form can show.
 * Next's server actions already refuse cross-origin posts (Origin must match Host), which is
 * what makes them CSRF-safe.
 *
 * Every successful action is one audit entry (lib/audit), named `audit` (a `noun.verb` from
 * lib/audit/audit-actions.ts, the name the management API gives the same change) unless the domain
 * function recorded a finer one. Its target is the id the result or input names, else the team.
 * `audit: false` marks an action that changes nothing (a connection test, a publish check).
 * `transaction: true` hands the handler `tx`, which it passes to its lib functions: the change and
 * its audit entry then commit together or not at all (lib/audit/audit-context.ts). Without it the
 * entry is written after the change commits.
 */
export function teamAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, context: TeamContext, tx?: Tx) => Promise<T>,
  { audit, transaction = false }: { audit: AuditAction | false; transaction?: boolean },
) {
  return async (teamSlug: string, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const context = await requireTeamPermission(teamSlug, permission)
      const parsed = schema.safeParse(raw)
      if (!parsed.success) {
        return { ok: false, error: 'Please correct the highlighted fields', fieldErrors: fieldErrorsOf(parsed.error) }
      }
      const describe = describeAs(audit, parsed.data, context.team.id)
      const source = await consoleSource(context)
      const change = (tx?: Tx) => handler(parsed.data, context, tx)
      return { ok: true, data: await audited(source, describe, change, { transaction }) }
    } catch (error) {
      const appError = toAppError(error)
      if (appError.status >= 500) console.error('server action failed', error)
      return { ok: false, error: appError.message, fieldErrors: appError.fieldErrors }
    }
  }
}

/**
 * A console change that is not a server action (the contract upload route) audited as one: a
 * domain function's own entry (version.create) wins, else one `audit` entry for the change.
 */
export async function auditedConsoleChange<T>(
  context: TeamContext,
  audit: AuditAction,
  change: () => Promise<T>,
): Promise<T> {
  return audited(await consoleSource(context), describeAs(audit, null, context.team.id), change)
}

async function consoleSource(context: TeamContext): Promise<AuditSource> {
  const requestHeaders = await headers()
  return {
    teamId: context.team.id,
    origin: 'CONSOLE',
    actor: { userId: context.user.id, email: context.user.email },
    sourceIp: clientAddressFrom(requestHeaders),
    userAgent: requestHeaders.get('user-agent'),
  }
}

/** FormData → plain object; repeated keys become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue
    const existing = out[key]
    if (existing === undefined) out[key] = value
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return out
}

export type TeamActionRunner<T> = (teamSlug: string, raw: unknown) => Promise<ActionResult<T>>

/**
 * Runs a team action for a posted form: the team comes from the form's hidden `team` field, the
 * rest is the input. `refresh` (revalidatePath for the pages that show the change) runs after a
 * success, or always with `refreshOnFailure`, when a failure also changes what the page shows.
 */
export async function runTeamForm<T>(
  formData: FormData,
  action: TeamActionRunner<T>,
  refresh: (teamSlug: string) => void,
  { refreshOnFailure = false }: { refreshOnFailure?: boolean } = {},
): Promise<ActionResult<T>> {
  const slug = String(formData.get('team') ?? '')
  const result = await action(slug, formDataToObject(formData))
  if (result.ok || refreshOnFailure) refresh(slug)
  return result
}
