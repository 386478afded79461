import { webhookPayload } from '../webhooks/webhook-payload.mjs'
import { execute, readOne, type SqlDialect, type SqlProgram } from './sql-program'

// The outbox rows every event writes, and the opening of a payment incident, as statements: the
// metering program runs them inside a batch, and the console (notifyTeam, findOrOpenIncident) runs
// the very same statements through Prisma. `payment_incident.opened` is worded here and only here.

export type TeamEvent = {
  teamId: string
  /** Machine-readable event name, also the webhook's `type`, e.g. "payment_incident.opened". */
  event: string
  title: string
  body?: string
  /** Console path the notification links to. */
  link?: string | null
  /** The event's data, sent as the webhook body's `data`. */
  data: Record<string, unknown>
}

export type NewId = (prefix: string) => string

/** An in-app notification, and a PENDING webhook delivery when the team has a webhook URL. */
export function* notifyStatements(event: TeamEvent, now: Date, newId: NewId): SqlProgram {
  yield* execute(
    'INSERT INTO "Notification" ("id", "teamId", "kind", "title", "body", "link", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [newId('ntf'), event.teamId, event.event, event.title, event.body ?? '', event.link ?? null, now, now],
  )
  const team = yield* readOne('SELECT "webhookUrl" FROM "Team" WHERE "id" = ?', [event.teamId])
  if (!team || !team.webhookUrl) return
  const id = newId('whd')
  yield* execute(
    `INSERT INTO "WebhookDelivery" ("id", "teamId", "event", "url", "payload", "state", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)`,
    [id, event.teamId, event.event, team.webhookUrl, webhookPayload(id, event.event, now, event.data), now, now, now],
  )
}

export type OpenedIncident = {
  id: string
  consumerTeamId: string
  ownerTeamId: string
  apiId: string
  cause: string
  firstSeenAt: Date
  lastSeenAt: Date
  blockedCalls: number
  blockedRevenueMicros: bigint
}

/** The consumer's notification that an episode began (the demo seed announces its incidents with it too). */
export function incidentOpenedEvent(incident: {
  id: string
  consumerTeamId: string
  cause: string
  firstSeenAt: Date
  apiName: string
  consumerSlug: string | null
}): TeamEvent {
  return {
    teamId: incident.consumerTeamId,
    event: 'payment_incident.opened',
    title: `Calls to ${incident.apiName} are being refused: ${incident.cause.replaceAll('_', ' ')}`,
    body: 'The gateway answers 402 Payment Required until the cause is fixed.',
    link: incident.consumerSlug ? `/t/${incident.consumerSlug}/incidents/${incident.id}` : null,
    data: {
      incidentId: incident.id,
      api: incident.apiName,
      cause: incident.cause,
      firstSeenAt: incident.firstSeenAt.toISOString(),
    },
  }
}

/** Inserts an OPEN PaymentIncident and tells the consumer (payment_incident.opened). */
export function* openIncidentStatements(
  incident: OpenedIncident,
  dialect: SqlDialect,
  now: Date,
  newId: NewId,
): SqlProgram {
  const cause = dialect === 'postgres' ? '?::"PaymentCause"' : '?'
  yield* execute(
    `INSERT INTO "PaymentIncident" ("id", "consumerTeamId", "ownerTeamId", "apiId", "cause", "state", "firstSeenAt", "lastSeenAt",
       "blockedCalls", "blockedRevenueMicros", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ${cause}, 'OPEN', ?, ?, ?, ?, ?, ?)`,
    [
      incident.id,
      incident.consumerTeamId,
      incident.ownerTeamId,
      incident.apiId,
      incident.cause,
      incident.firstSeenAt,
      incident.lastSeenAt,
      incident.blockedCalls,
      incident.blockedRevenueMicros,
      now,
      now,
    ],
  )
  const names = yield* readOne(
    `SELECT t."slug" AS "teamSlug", a."slug" AS "apiSlug", c."slug" AS "consumerSlug" FROM "Api" a JOIN "Team" t ON t."id" = a."teamId"
     LEFT JOIN "Team" c ON c."id" = ? WHERE a."id" = ?`,
    [incident.consumerTeamId, incident.apiId],
  )
  const apiName = names ? `${String(names.teamSlug)}/${String(names.apiSlug)}` : incident.apiId
  const consumerSlug = names?.consumerSlug ? String(names.consumerSlug) : null
  yield* notifyStatements(incidentOpenedEvent({ ...incident, apiName, consumerSlug }), now, newId)
}
