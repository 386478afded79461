import type { Db } from '../db'
import { isPostgresClient } from '../config-events/config-channel'
import { createId } from '../ids'

// The free quota across instances without Redis: each free call is claimed from the database row
// of its subscription and month by one guarded increment, so however many instances race, the
// row hands out at most `freePerMonth` claims (the row lock serializes them). The month's count
// is the larger of the claims and the calls the metering writer recorded: rows written before
// claims existed, or calls counted through Redis, are taken into account. Only while free calls
// are left does a call wait on this; once a claim fails, the instance refuses from memory.

/** True when this call got one of the month's free calls. */
export async function claimFreeCall(
  db: Db,
  subscriptionId: string,
  month: string,
  freePerMonth: number,
): Promise<boolean> {
  if (freePerMonth <= 0) return false
  if ((await incrementClaims(db, subscriptionId, month, freePerMonth)) === 1) return true
  // No row moved: the month is used up, or its row does not exist yet. Create it and claim again,
  // even when another instance's create wins: answering "used up" because a racing call created
  // the row first would make this instance refuse every free call left for the month.
  try {
    await db.subscriptionUsage.create({ data: { id: createId('su'), subscriptionId, month } })
  } catch (error) {
    // Another instance (or the metering writer) created the row first: claim on it all the same.
    if ((error as { code?: string }).code !== 'P2002') throw error
  }
  return (await incrementClaims(db, subscriptionId, month, freePerMonth)) === 1
}

/** Claims one free call on the row if its month has one left; the number of rows it moved. */
function incrementClaims(db: Db, subscriptionId: string, month: string, freePerMonth: number): Promise<number> {
  // PostgreSQL's GREATEST is SQLite's two-argument MAX.
  return isPostgresClient(db)
    ? db.$executeRaw`UPDATE "SubscriptionUsage" SET "freeClaimed" = GREATEST("freeClaimed", "calls") + 1
        WHERE "subscriptionId" = ${subscriptionId} AND "month" = ${month} AND GREATEST("freeClaimed", "calls") < ${freePerMonth}`
    : db.$executeRaw`UPDATE "SubscriptionUsage" SET "freeClaimed" = MAX("freeClaimed", "calls") + 1
        WHERE "subscriptionId" = ${subscriptionId} AND "month" = ${month} AND MAX("freeClaimed", "calls") < ${freePerMonth}`
}

/** A claimed free call that failed gives its claim back, for any instance to take. */
export async function returnFreeCall(db: Db, subscriptionId: string, month: string): Promise<void> {
  await db.subscriptionUsage.updateMany({
    where: { subscriptionId, month, freeClaimed: { gt: 0 } },
    data: { freeClaimed: { decrement: 1 } },
  })
}
