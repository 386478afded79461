import type { ActionState } from '@/lib/auth/action-result'

/** A server action shaped for useActionState; pages pass these down so components stay route-agnostic. */
export type FormAction<T = undefined> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>

export function fieldErrors(state: ActionState<unknown>, name: string): string[] | undefined {
  return state?.ok === false ? state.fieldErrors?.[name] : undefined
}

export const ROLE_LABELS = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' } as const
export type RoleName = keyof typeof ROLE_LABELS

export const ROLE_HINTS: Record<RoleName, string> = {
  OWNER: 'Everything, including owner changes and early retirement',
  ADMIN: 'Manage the team, members, billing and approvals',
  MEMBER: 'Design, publish and call APIs; manage keys',
  VIEWER: 'Read-only',
}

export function formatDate(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10)
}
