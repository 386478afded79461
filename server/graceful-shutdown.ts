import type { Server } from 'node:http'

// SIGTERM/SIGINT: stop accepting, let in-flight calls finish (so they are metered), flush the
// metering writer, then exit. A second signal, or the hard deadline, exits at once.

const DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 10_000)

export function closeServer(server: Server, drainMs = DRAIN_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // Calls still running after the drain period are cut; their records are still written.
      server.closeAllConnections()
      resolve()
    }, drainMs)
    timer.unref()
    server.close(() => {
      clearTimeout(timer)
      resolve()
    })
    // Node ≥ 19 closes idle keep-alive sockets in close(); this keeps older behaviour explicit.
    server.closeIdleConnections()
  })
}

export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`[tollgate] ${signal} again: exiting now`)
      process.exit(1)
    }
    stopping = true
    const deadline = setTimeout(() => {
      console.error('[tollgate] shutdown took too long: exiting')
      process.exit(1)
    }, DRAIN_MS + 20_000)
    deadline.unref()
    shutdown(signal).then(
      () => process.exit(0),
      (error) => {
        console.error('[tollgate] shutdown failed', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', handle)
  process.on('SIGINT', handle)
}
