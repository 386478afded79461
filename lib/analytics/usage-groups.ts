import type { CallLogLink } from '@/lib/calls/call-log-href'
import { NO_KEY } from '@/lib/calls/schemas'
import type { TeamView } from '@/lib/teams/team-view'

// What the dashboards can group usage by, and the call log filter of each group's segment. Safe
// in client components: no database here (labels are in usage-group-labels.ts).

export const USAGE_GROUPS = ['api', 'consumer', 'key', 'version'] as const
export type UsageGroup = (typeof USAGE_GROUPS)[number]

export const USAGE_GROUP_LABELS: Record<UsageGroup, string> = {
  api: 'API',
  consumer: 'Consumer team',
  key: 'Key',
  version: 'Version',
}

/** The group inside a sentence: "Cost per day by API", "Requests by key". */
export const groupNoun = (group: UsageGroup) => (group === 'api' ? 'API' : USAGE_GROUP_LABELS[group].toLowerCase())

/** The UsageRollup column each group reads. */
export const USAGE_GROUP_COLUMN = {
  api: 'apiId',
  consumer: 'consumerTeamId',
  key: 'keyId',
  version: 'versionId',
} as const satisfies Record<UsageGroup, string>

/** UsageRollup.keyId of rows counted before keys were tracked (the usage_rollup_key_id migration). */
export const UNTRACKED_KEY = '~untracked'

/** Groups a view may use: in the consumer view the consumer team is the team itself. */
export function usageGroupsFor(view: TeamView): UsageGroup[] {
  return USAGE_GROUPS.filter((g) => g !== 'consumer' || view === 'owner')
}

/**
 * The call log filter that lists one group's calls. "Other" (null), rows from before key
 * tracking and calls without an API, version or consumer add no filter: the call log cannot name them.
 */
export function groupCallFilter(group: UsageGroup, id: string | null): Partial<CallLogLink> {
  if (id === null || id === UNTRACKED_KEY) return {}
  if (group === 'key') return { key: id === '' ? NO_KEY : id }
  if (id === '') return {}
  return group === 'api' ? { api: id } : group === 'consumer' ? { consumer: id } : { version: id }
}
