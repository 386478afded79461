import type { Tx } from '../db'
import { readChangeRow } from './change-rows'
import { announceConfigChange } from './config-bus'
import { encodeConfigNotice, type ConfigChange } from './config-change'
import { CONFIG_CHANNEL, isPostgresClient } from './config-channel'

// A console change the gateway must see (a key created, rotated or revoked; a version published,
// deprecated or retired; a subscription decided; an account's money or incidents changed)
// publishes one config event. An event is the single ConfigVersion row (id = 1) going up by one,
// which every gateway polls; on PostgreSQL a NOTIFY on the config channel, which gateways in other
// processes LISTEN to; and a notice on the in-process bus, so that a gateway in the same process
// reloads at once. The gateway subscribes (onConfigChange, listenConfigChanges, readConfigVersion);
// control-plane code never imports the gateway.

/** The caller's transaction, or the client itself after the change committed. */
export type ConfigEventWriter = Pick<Tx, 'configVersion' | '$executeRaw' | 'apiKey' | 'subscription' | 'apiVersion'>

/**
 * Publishes a config change in `tx`; returns the new config version. Name the `change` only when
 * that one row is all the transaction changed for the gateway: gateways then patch just it. Call it
 * after the row's own update, so that the row it sends is the changed one.
 */
export async function publishConfigChange(tx: ConfigEventWriter, change?: ConfigChange): Promise<number> {
  const row = await tx.configVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
    select: { version: true },
  })
  // Inside a transaction PostgreSQL delivers the notification on commit, and never on rollback.
  // The named row goes with it, as this transaction sees it: other instances need not read it.
  if (isPostgresClient(tx)) {
    const changed = change ? await readChangeRow(tx, change) : null
    await tx.$executeRaw`SELECT pg_notify(${CONFIG_CHANNEL}, ${encodeConfigNotice(row.version, change, changed)})`
  }
  // Announced on the next turn: inside a transaction the caller's commit usually lands first; if
  // not, the gateway's poller still sees the new version within one interval.
  setImmediate(() => announceConfigChange(row.version, change))
  return row.version
}
