// The JSON body every webhook delivery carries, written by the console (notifyTeam, test sends)
// and by the metering writer's SQL (lib/metering/outbox-statements.ts).

/**
 * The webhook body; its id doubles as the receiver's idempotency key. Bigints are sent as strings.
 * @param {string} id @param {string} event @param {Date} at @param {Record<string, unknown>} data
 * @returns {string}
 */
export function webhookPayload(id, event, at, data) {
  return JSON.stringify({ id, type: event, createdAt: at.toISOString(), data }, (_key, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  )
}
