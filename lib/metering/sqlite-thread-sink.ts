import { Worker } from 'node:worker_threads'
import type { BatchSink, MeteredCall } from './batch-sink'
import type { WriterReply, WriterRequest } from './sqlite-writer-loop'

// Hands batches to a worker thread that owns its own SQLite connection (sqlite-writer-loop.ts),
// so neither SQLite's synchronous commits nor the metering program ever run on the gateway's event loop.

type Pending = { resolve: (written: number) => void; reject: (error: Error) => void }

export class SqliteThreadSink implements BatchSink {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1

  constructor(private readonly file: string) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./sqlite-writer-thread.mjs', import.meta.url), {
      workerData: { file: this.file },
    })
    worker.on('message', (message: WriterReply) => {
      if (message.type !== 'done') return
      const waiting = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (this.pending.size === 0) worker.unref()
      if (message.error !== undefined) waiting?.reject(new Error(message.error))
      else waiting?.resolve(message.written ?? 0)
    })
    // A crashed thread fails what it held (the writer keeps and retries those batches) and is
    // started afresh on the next write.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const waiting of this.pending.values()) waiting.reject(error)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`metering thread exited (${code})`)))
    // An idle thread must not keep the process alive, but one holding a batch must: during a
    // shutdown flush it may be the only thing left on the event loop (see write()).
    worker.unref()
    this.worker = worker
    return worker
  }

  warm(): void {
    this.ensureWorker()
  }

  write(calls: readonly MeteredCall[]): Promise<number> {
    const worker = this.ensureWorker()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage({ type: 'write', id, calls: [...calls] } satisfies WriterRequest)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = null
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5_000)
      worker.once('message', () => {
        clearTimeout(timer)
        void worker.terminate().then(() => resolve())
      })
      worker.postMessage({ type: 'close' } satisfies WriterRequest)
    })
  }
}
