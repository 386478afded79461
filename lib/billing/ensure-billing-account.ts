import type { TeamReadScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { createId } from '@/lib/ids'

/**
 * The team's billing account, created with the schema's defaults on first use. An upsert, so two
 * concurrent first actions cannot both create one (teamId is unique).
 */
export async function ensureBillingAccount({ teamId }: TeamReadScope, tx?: Tx) {
  const client = tx ?? db
  return client.billingAccount.upsert({ where: { teamId }, create: { id: createId('bill'), teamId }, update: {} })
}
