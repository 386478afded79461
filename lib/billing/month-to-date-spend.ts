import { utcMonth } from './month'

/** Month-to-date spend: the stored counter only counts while its month is the current UTC month. */
export function monthToDateSpend(account: { spendMonth: string; spendMicros: bigint }, now = Date.now()): bigint {
  return account.spendMonth === utcMonth(now) ? account.spendMicros : 0n
}
