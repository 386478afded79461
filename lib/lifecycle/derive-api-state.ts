import type { VersionState } from '@/generated/sqlite/enums'

// An API's catalog state is the most "live" state among its versions.
const PRECEDENCE: VersionState[] = ['PUBLISHED', 'DEPRECATED', 'RETIRED', 'DRAFT']

export function deriveApiState(versionStates: VersionState[]): VersionState {
  return PRECEDENCE.find((state) => versionStates.includes(state)) ?? 'DRAFT'
}
