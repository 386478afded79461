// The SQL that writes a batch's money side, for both databases, as a generator: each `yield`
// hands one statement to the driver and receives its result (rows changed, or the row read).
// The SQLite writer thread drives it synchronously inside its transaction; the PostgreSQL sink
// drives it with awaits inside Prisma's. One source of truth for what a charge writes:
//   - one CHARGE ledger entry per subscription and month, with a batch-unique idempotency key;
//   - the balance and month-to-date spend, and the instance's credit lease shrunk by the same
//     amount (so what other instances may grant is unchanged by the charge);
//   - SubscriptionUsage (free quota), PaymentIncident (opened or extended), PaymentRollup;
//   - the outbox: a notification (and a webhook delivery) for each incident opened and each
//     budget threshold crossed.
// Plain .mjs because the worker thread loads it without a TypeScript loader.

import { webhookPayload } from '../webhooks/webhook-payload.mjs'

/**
 * @typedef {{ sql: string, params: unknown[], read?: boolean }} Statement
 * @param {import('./prepare-billing').PreparedBilling} billing
 * @param {'sqlite' | 'postgres'} dialect
 * @param {Date} now
 * @param {(prefix: string) => string} newId
 * @returns {Generator<Statement, void, any>}
 */
export function* billingStatements(billing, dialect, now, newId) {
  const cause = dialect === 'postgres' ? '?::"PaymentCause"' : '?'

  for (const c of billing.charges) {
    yield {
      sql: `INSERT INTO "LedgerEntry" ("id", "teamId", "kind", "amountMicros", "currency", "idempotencyKey", "description", "apiId", "planId", "createdAt", "updatedAt")
            SELECT ?, ?, 'CHARGE', ?, COALESCE((SELECT "currency" FROM "BillingAccount" WHERE "teamId" = ?), 'USD'), ?, ?, ?, ?, ?, ?
            ON CONFLICT ("idempotencyKey") DO NOTHING`,
      params: [
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
    }
  }

  for (const s of billing.spend) {
    yield {
      sql: `UPDATE "BillingAccount" SET "balanceMicros" = "balanceMicros" - ?,
              "spendMicros" = CASE WHEN "spendMonth" = ? THEN "spendMicros" + ? WHEN "spendMonth" < ? THEN ? ELSE "spendMicros" END,
              "spendMonth" = CASE WHEN "spendMonth" < ? THEN ? ELSE "spendMonth" END, "updatedAt" = ?
            WHERE "teamId" = ?`,
      params: [s.amountMicros, s.month, s.amountMicros, s.month, s.amountMicros, s.month, s.month, now, s.teamId],
    }
    if (s.leaseId !== null) {
      yield {
        sql: 'UPDATE "CreditLease" SET "amountMicros" = "amountMicros" - ?, "updatedAt" = ? WHERE "id" = ?',
        params: [s.amountMicros, now, s.leaseId],
      }
    }
    yield* budgetAlerts(s.teamId, s.month, now, newId)
  }

  for (const u of billing.usage) {
    yield {
      sql: `INSERT INTO "SubscriptionUsage" ("id", "subscriptionId", "month", "calls", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT ("subscriptionId", "month") DO UPDATE SET "calls" = "SubscriptionUsage"."calls" + excluded."calls", "updatedAt" = excluded."updatedAt"`,
      params: [u.id, u.subscriptionId, u.month, u.calls, now, now],
    }
  }

  for (const i of billing.incidents) {
    const existing = yield { sql: 'SELECT "id" FROM "PaymentIncident" WHERE "id" = ?', params: [i.id], read: true }
    if (existing) {
      yield {
        sql: `UPDATE "PaymentIncident" SET "blockedCalls" = "blockedCalls" + ?, "blockedRevenueMicros" = "blockedRevenueMicros" + ?,
                "lastSeenAt" = CASE WHEN "lastSeenAt" < ? THEN ? ELSE "lastSeenAt" END, "updatedAt" = ? WHERE "id" = ?`,
        params: [i.blockedCalls, i.blockedRevenueMicros, new Date(i.lastSeenAt), new Date(i.lastSeenAt), now, i.id],
      }
      continue
    }
    yield {
      sql: `INSERT INTO "PaymentIncident" ("id", "consumerTeamId", "ownerTeamId", "apiId", "cause", "state", "firstSeenAt", "lastSeenAt",
              "blockedCalls", "blockedRevenueMicros", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ${cause}, 'OPEN', ?, ?, ?, ?, ?, ?)`,
      params: [
        i.id,
        i.consumerTeamId,
        i.ownerTeamId,
        i.apiId,
        i.cause,
        new Date(i.firstSeenAt),
        new Date(i.lastSeenAt),
        i.blockedCalls,
        i.blockedRevenueMicros,
        now,
        now,
      ],
    }
    const api = yield {
      sql: `SELECT t."slug" AS "teamSlug", a."slug" AS "apiSlug", c."slug" AS "consumerSlug" FROM "Api" a JOIN "Team" t ON t."id" = a."teamId"
            LEFT JOIN "Team" c ON c."id" = ? WHERE a."id" = ?`,
      params: [i.consumerTeamId, i.apiId],
      read: true,
    }
    const apiName = api ? `${api.teamSlug}/${api.apiSlug}` : i.apiId
    yield* notify(
      {
        teamId: i.consumerTeamId,
        event: 'payment_incident.opened',
        title: `Calls to ${apiName} are being refused: ${i.cause.replaceAll('_', ' ')}`,
        body: 'The gateway answers 402 Payment Required until the cause is fixed.',
        link: api?.consumerSlug ? `/t/${api.consumerSlug}/incidents/${i.id}` : null,
        data: { incidentId: i.id, api: apiName, cause: i.cause, firstSeenAt: new Date(i.firstSeenAt).toISOString() },
      },
      now,
      newId,
    )
  }

  for (const r of billing.rollups) {
    yield {
      sql: `INSERT INTO "PaymentRollup" ("id", "hour", "ownerTeamId", "consumerTeamId", "apiId", "cause", "blockedCalls", "blockedRevenueMicros", "createdAt", "updatedAt")
            VALUES (?, ?, ?, ?, ?, ${cause}, ?, ?, ?, ?)
            ON CONFLICT ("hour", "ownerTeamId", "consumerTeamId", "apiId", "cause") DO UPDATE SET
              "blockedCalls" = "PaymentRollup"."blockedCalls" + excluded."blockedCalls",
              "blockedRevenueMicros" = "PaymentRollup"."blockedRevenueMicros" + excluded."blockedRevenueMicros", "updatedAt" = excluded."updatedAt"`,
      params: [
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
    }
  }
}

/** Each threshold (a percentage of the budget) the month's spend has reached alerts once per month. */
function* budgetAlerts(teamId, month, now, newId) {
  const account = yield {
    sql: 'SELECT "monthlyBudgetMicros", "alertThresholds", "spendMicros", "spendMonth", "currency" FROM "BillingAccount" WHERE "teamId" = ?',
    params: [teamId],
    read: true,
  }
  if (!account || account.monthlyBudgetMicros === null || account.spendMonth !== month) return
  const budget = BigInt(account.monthlyBudgetMicros)
  const spent = BigInt(account.spendMicros)
  if (budget <= 0n) return
  const thresholds = String(account.alertThresholds)
    .split(',')
    .map((t) => Number.parseInt(t, 10))
    .filter((t) => t > 0)
  for (const threshold of thresholds) {
    if (spent * 100n < budget * BigInt(threshold)) continue
    const inserted = yield {
      sql: `INSERT INTO "BudgetAlert" ("id", "teamId", "month", "threshold", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT ("teamId", "month", "threshold") DO NOTHING`,
      params: [newId('ba'), teamId, month, threshold, now, now],
    }
    if (!inserted) continue
    const team = yield { sql: 'SELECT "slug" FROM "Team" WHERE "id" = ?', params: [teamId], read: true }
    yield* notify(
      {
        teamId,
        event: 'budget.threshold_crossed',
        title: `${threshold}% of this month's budget is spent`,
        body: `Month-to-date spend has reached ${threshold}% of the ${account.currency} budget for ${month}.`,
        link: team ? `/t/${team.slug}/billing` : null,
        data: {
          month,
          threshold,
          budgetMicros: budget.toString(),
          spendMicros: spent.toString(),
          currency: account.currency,
        },
      },
      now,
      newId,
    )
  }
}

function* notify(event, now, newId) {
  yield {
    sql: 'INSERT INTO "Notification" ("id", "teamId", "kind", "title", "body", "link", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    params: [newId('ntf'), event.teamId, event.event, event.title, event.body, event.link, now, now],
  }
  const team = yield { sql: 'SELECT "webhookUrl" FROM "Team" WHERE "id" = ?', params: [event.teamId], read: true }
  if (!team || !team.webhookUrl) return
  const id = newId('whd')
  yield {
    sql: `INSERT INTO "WebhookDelivery" ("id", "teamId", "event", "url", "payload", "state", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
          VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)`,
    params: [
      id,
      event.teamId,
      event.event,
      team.webhookUrl,
      webhookPayload(id, event.event, now, event.data),
      now,
      now,
      now,
    ],
  }
}
