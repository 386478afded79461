import { EventEmitter } from 'node:events'
import type { ConfigChange } from './config-change'

// The in-process side of config events: publishConfigChange announces each new version here, and
// a gateway in the same process reloads its snapshot at once instead of at its next poll.

const CONFIG_CHANGED = 'config-changed'

// Next.js bundles its own copy of every lib module, so a module-level emitter in the console's
// copy would never reach the gateway's copy. One emitter held on globalThis is shared by both.
const globalForBus = globalThis as unknown as { __tollgateConfigBus?: EventEmitter }

function configBus(): EventEmitter {
  if (!globalForBus.__tollgateConfigBus) {
    const bus = new EventEmitter()
    // Every gateway instance in the process (tests start several) adds one listener.
    bus.setMaxListeners(0)
    globalForBus.__tollgateConfigBus = bus
  }
  return globalForBus.__tollgateConfigBus
}

/** Only publishConfigChange calls this, once the version row has moved. */
export function announceConfigChange(version: number, change?: ConfigChange): void {
  configBus().emit(CONFIG_CHANGED, version, change)
}

/** Calls `listener` with each version published in this process; returns the unsubscribe. */
export function onConfigChange(listener: (version: number, change?: ConfigChange) => void): () => void {
  const bus = configBus()
  bus.on(CONFIG_CHANGED, listener)
  return () => bus.off(CONFIG_CHANGED, listener)
}
