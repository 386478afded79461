// What each role is called and may do, as the console shows it. Plain data, safe in client
// components (the invite form and the members table label their selects with it).

export const ROLE_LABELS = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' } as const
export type RoleName = keyof typeof ROLE_LABELS

export const ROLE_HINTS: Record<RoleName, string> = {
  OWNER: 'Everything, including owner changes and early retirement',
  ADMIN: 'Manage the team, members, billing and approvals',
  MEMBER: 'Design, publish and call APIs; manage keys',
  VIEWER: 'Read-only',
}
