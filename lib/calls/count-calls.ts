import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { callFilterWhere } from './list-calls'
import type { CallLogQuery } from './schemas'

/** How many calls the call log's filters match: the number a dashboard bar or tile drills into. */
export async function countCalls({ teamId }: TeamReadScope, query: CallLogQuery): Promise<number> {
  return db.invocation.count({ where: callFilterWhere(teamId, query) })
}
