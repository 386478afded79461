import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

/** Whether the team publishes any API, i.e. whether a revenue chart means anything to it. */
export async function teamOwnsApis({ teamId }: TeamReadScope): Promise<boolean> {
  return (await db.api.count({ where: { teamId } })) > 0
}
