import { notifyStatements, openIncidentStatements, type NewId } from './outbox-statements'
import type { PreparedBilling } from './prepare-billing'
import { execute, readOne, type SqlDialect, type SqlProgram } from './sql-program'

// The money side of a metering batch, for both databases:
//   - one CHARGE ledger entry per subscription and month, with a batch-unique idempotency key;
//   - the balance and month-to-date spend, and the instance's credit lease shrunk by the same
//     amount (so what other instances may grant is unchanged by the charge);
//   - SubscriptionUsage (free quota), PaymentIncident (opened or extended), PaymentRollup;
//   - the outbox: a notification (and a webhook delivery) for each incident opened and each
//     budget threshold crossed.

export function* billingStatements(billing: PreparedBilling, dialect: SqlDialect, now: Date, newId: NewId): SqlProgram {
  const cause = dialect === 'postgres' ? '?::"PaymentCause"' : '?'

  for (const c of billing.charges) {
    yield* execute(
      `INSERT INTO "LedgerEntry" ("id", "teamId", "kind", "amountMicros", "currency", "idempotencyKey", "description", "apiId", "planId", "createdAt", "updatedAt")
       SELECT ?, ?, 'CHARGE', ?, COALESCE((SELECT "currency" FROM "BillingAccount" WHERE "teamId" = ?), 'USD'), ?, ?, ?, ?, ?, ?
       ON CONFLICT ("idempotencyKey") DO NOTHING`,
      [
        c.id,
        c.teamId,
        -c.amountMicros,
        c.teamId,
        c.idempotencyKey,
        c.description,
        c.apiId,
        c.planId,
        new Date(c.at),
        now,
      ],
    )
  }

  for (const s of billing.spend) {
    yield* execute(
      `UPDATE "BillingAccount" SET "balanceMicros" = "balanceMicros" - ?,
         "spendMicros" = CASE WHEN "spendMonth" = ? THEN "spendMicros" + ? WHEN "spendMonth" < ? THEN ? ELSE "spendMicros" END,
         "spendMonth" = CASE WHEN "spendMonth" < ? THEN ? ELSE "spendMonth" END, "updatedAt" = ?
       WHERE "teamId" = ?`,
      [s.amountMicros, s.month, s.amountMicros, s.month, s.amountMicros, s.month, s.month, now, s.teamId],
    )
    if (s.leaseId !== null) {
      yield* execute('UPDATE "CreditLease" SET "amountMicros" = "amountMicros" - ?, "updatedAt" = ? WHERE "id" = ?', [
        s.amountMicros,
        now,
        s.leaseId,
      ])
    }
    yield* budgetAlerts(s.teamId, s.month, now, newId)
  }

  for (const u of billing.usage) {
    yield* execute(
      `INSERT INTO "SubscriptionUsage" ("id", "subscriptionId", "month", "calls", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("subscriptionId", "month") DO UPDATE SET "calls" = "SubscriptionUsage"."calls" + excluded."calls", "updatedAt" = excluded."updatedAt"`,
      [u.id, u.subscriptionId, u.month, u.calls, now, now],
    )
  }

  for (const i of billing.incidents) {
    // Usually opened already by the gateway (findOrOpenIncident); opened here when that failed.
    const extended = yield* execute(
      `UPDATE "PaymentIncident" SET "blockedCalls" = "blockedCalls" + ?, "blockedRevenueMicros" = "blockedRevenueMicros" + ?,
         "lastSeenAt" = CASE WHEN "lastSeenAt" < ? THEN ? ELSE "lastSeenAt" END, "updatedAt" = ? WHERE "id" = ?`,
      [i.blockedCalls, i.blockedRevenueMicros, new Date(i.lastSeenAt), new Date(i.lastSeenAt), now, i.id],
    )
    if (extended > 0) continue
    yield* openIncidentStatements(
      { ...i, firstSeenAt: new Date(i.firstSeenAt), lastSeenAt: new Date(i.lastSeenAt) },
      dialect,
      now,
      newId,
    )
  }

  for (const r of billing.rollups) {
    yield* execute(
      `INSERT INTO "PaymentRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "cause", "blockedCalls", "blockedRevenueMicros", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ${cause}, ?, ?, ?, ?)
       ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "cause") DO UPDATE SET
         "blockedCalls" = "PaymentRollup"."blockedCalls" + excluded."blockedCalls",
         "blockedRevenueMicros" = "PaymentRollup"."blockedRevenueMicros" + excluded."blockedRevenueMicros", "updatedAt" = excluded."updatedAt"`,
      [
        r.id,
        new Date(r.hour),
        r.ownerTeamId,
        r.consumerTeamId,
        r.apiId,
        r.cause,
        r.blockedCalls,
        r.blockedRevenueMicros,
        now,
        now,
      ],
    )
  }
}

/** Each threshold (a percentage of the budget) the month's spend has reached alerts once per month. */
function* budgetAlerts(teamId: string, month: string, now: Date, newId: NewId): SqlProgram {
  const account = yield* readOne(
    'SELECT "monthlyBudgetMicros", "alertThresholds", "spendMicros", "spendMonth", "currency" FROM "BillingAccount" WHERE "teamId" = ?',
    [teamId],
  )
  if (!account || account.monthlyBudgetMicros === null || account.spendMonth !== month) return
  const budget = BigInt(account.monthlyBudgetMicros as bigint)
  const spent = BigInt(account.spendMicros as bigint)
  if (budget <= 0n) return
  const thresholds = String(account.alertThresholds)
    .split(',')
    .map((t) => Number.parseInt(t, 10))
    .filter((t) => t > 0)
  for (const threshold of thresholds) {
    if (spent * 100n < budget * BigInt(threshold)) continue
    const inserted = yield* execute(
      `INSERT INTO "BudgetAlert" ("id", "teamId", "month", "threshold", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("teamId", "month", "threshold") DO NOTHING`,
      [newId('ba'), teamId, month, threshold, now, now],
    )
    if (!inserted) continue
    const team = yield* readOne('SELECT "slug" FROM "Team" WHERE "id" = ?', [teamId])
    const currency = String(account.currency)
    yield* notifyStatements(
      {
        teamId,
        event: 'budget.threshold_crossed',
        title: `${threshold}% of this month's budget is spent`,
        body: `Month-to-date spend has reached ${threshold}% of the ${currency} budget for ${month}.`,
        link: team ? `/t/${String(team.slug)}/billing` : null,
        data: { month, threshold, budgetMicros: budget.toString(), spendMicros: spent.toString(), currency },
      },
      now,
      newId,
    )
  }
}
