import { EventEmitter } from 'node:events'
import type { Db } from '../db'

// The gateway's snapshot is rebuilt whenever the single ConfigVersion row (id = 1) changes.
// Console code calls bumpConfigVersion() after every change the data plane must see: a key
// created, rotated or revoked; a version published, deprecated or retired; a subscription decided.

type ConfigVersionClient = Pick<Db, 'configVersion'>

export const CONFIG_CHANGED = 'config-changed'

// Next.js bundles its own copy of every lib module, so a module-level emitter in the console's
// copy would never reach the gateway's copy. One emitter held on globalThis is shared by both.
const globalForBus = globalThis as unknown as { __tollgateConfigBus?: EventEmitter }

export function configBus(): EventEmitter {
  if (!globalForBus.__tollgateConfigBus) {
    const bus = new EventEmitter()
    // Every gateway instance in the process (tests start several) adds one listener.
    bus.setMaxListeners(0)
    globalForBus.__tollgateConfigBus = bus
  }
  return globalForBus.__tollgateConfigBus
}

/** Increments the config version and tells in-process gateways at once; others poll it. */
export async function bumpConfigVersion(client: ConfigVersionClient): Promise<number> {
  const row = await client.configVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
    select: { version: true },
  })
  // Emitted on the next turn: when called inside a transaction the caller's commit usually lands
  // first; if not, the poller still sees the new version within one interval.
  setImmediate(() => configBus().emit(CONFIG_CHANGED, row.version))
  return row.version
}

/** The cheap query every gateway runs about three times a second. */
export async function readConfigVersion(client: ConfigVersionClient): Promise<number> {
  const row = await client.configVersion.findUnique({ where: { id: 1 }, select: { version: true } })
  return row?.version ?? 0
}

export function onConfigChange(listener: (version: number) => void): () => void {
  const bus = configBus()
  bus.on(CONFIG_CHANGED, listener)
  return () => bus.off(CONFIG_CHANGED, listener)
}
