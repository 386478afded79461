import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { MeteredCall } from './batch-sink'
import { meteringProgram } from './metering-program'
import { SqliteProgramRunner } from './run-on-sqlite'

// The SQLite driver thread: executes the metering program with better-sqlite3 on a connection of
// its own. Why not Prisma here: better-sqlite3 is synchronous, so on the gateway's event loop every
// commit (and its fsync) would stall every call in flight, and Prisma's per-row cost alone would cap
// the gateway at a few thousand calls a second.

export type WriterRequest = { type: 'write'; id: number; calls: MeteredCall[] } | { type: 'close' }
export type WriterReply = { type: 'done'; id: number; written?: number; error?: string } | { type: 'closed' }

const port = parentPort!
const db = new Database((workerData as { file: string }).file, { timeout: 10_000 })
db.pragma('journal_mode = WAL')
db.pragma('busy_timeout = 10000')
// A bigger page cache (64 MiB) keeps Invocation's index pages hot between batches.
db.pragma('cache_size = -65536')
const runner = new SqliteProgramRunner(db)

// One transaction per batch (BEGIN IMMEDIATE: take the write lock up front, no upgrade deadlock).
const writeBatch = db.transaction(
  (calls: MeteredCall[]) => runner.run(meteringProgram(calls, 'sqlite')).length,
).immediate

port.on('message', (message: WriterRequest) => {
  if (message.type === 'close') {
    db.close()
    port.postMessage({ type: 'closed' } satisfies WriterReply)
    return
  }
  let reply: WriterReply
  try {
    reply = { type: 'done', id: message.id, written: writeBatch(message.calls) }
  } catch (error) {
    reply = { type: 'done', id: message.id, error: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply)
})
