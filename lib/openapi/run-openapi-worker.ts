import { existsSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '@/lib/errors/app-error'
import { DEFAULT_WORKER_HEAP_MB, DEFAULT_WORKER_TIMEOUT_MS } from './openapi-limits.mjs'

// Runs parse and validation jobs on worker threads (openapi-worker.mjs), each with a heap cap
// (resourceLimits) and a wall-clock timeout that terminates the worker, so a contract can cost
// the server at most that much, on another thread. A document over either budget is refused by
// name; the process keeps serving. At most MAX_RUNNING jobs run at once (the machine's cores are shared
// with the gateway); a few more wait, and beyond that the server says it is busy.

export type WorkerBudget = { timeoutMs: number; heapMb: number }
/** `omitDocument`: a validation's parsed document stays on the worker (copying it back costs the
 * request thread time and memory, and saving a contract needs only what was derived from it). */
export type WorkerJob =
  | { kind: 'validate' | 'parse'; text: string; omitDocument?: boolean }
  /** The breaking-change diff of two contract texts (diff-contract-texts.ts). */
  | { kind: 'diff'; before: string; after: string }
export type WorkerOutcome<T> = { ok: true; result: T } | { ok: false; limit: 'time' | 'memory'; budget: WorkerBudget }

const MAX_RUNNING = 2
const MAX_WAITING = 32

/**
 * The budget from OPENAPI_WORKER_TIMEOUT_MS and OPENAPI_WORKER_HEAP_MB, else the defaults (10 s,
 * 256 MB) grown for a large document: checking one costs about 15 MB of heap and 0.15 s per MB of
 * text (GitHub's 13 MB contract: 1.5 s, under 200 MB), so the allowance per MB leaves room for
 * twice that and a slower machine. The document's size is capped (maxOpenApiBytes), so this is too.
 */
export function defaultWorkerBudget(textBytes = 0): WorkerBudget {
  const mb = textBytes / (1024 * 1024)
  // An operator's setting is the budget, as written; only the defaults grow with the document.
  // The default heap already leaves 128 MB of room beyond what the parser needs, enough for about
  // 3 MB of contract (Stripe's included); above that the heap grows in steps of 128 MB. Few sizes,
  // because a warm worker is reused only by jobs with its heap size: most documents share the
  // default one, which the server keeps warm (prewarmOpenApiWorker).
  const extraHeapMb = 128 * Math.ceil(Math.max(0, mb * 40 - 128) / 128)
  return {
    timeoutMs: positive(process.env.OPENAPI_WORKER_TIMEOUT_MS) ?? Math.round(DEFAULT_WORKER_TIMEOUT_MS + mb * 1_000),
    heapMb: positive(process.env.OPENAPI_WORKER_HEAP_MB) ?? DEFAULT_WORKER_HEAP_MB + extraHeapMb,
  }
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value)
  return value && Number.isFinite(number) && number > 0 ? number : undefined
}

// Resolved from the project root, not from this module: under `next start` this code runs from a
// bundle in .next/, where a path relative to the module would name nothing. Every way the server,
// the scripts and the tests start runs from the root (scripts/lib/run.mjs sets it).
export function workerFile(): string {
  const file = path.join(process.cwd(), 'lib', 'openapi', 'openapi-worker.mjs')
  if (!existsSync(file))
    throw new Error(`The OpenAPI worker is missing at ${file}; start Tollgate from its project directory`)
  return file
}

// Finished workers stay warm for the next job (loading the parser and compiling its schemas costs
// more than most validations), unref'd so they never keep the process alive, and go after a while;
// one at the default heap stays for good once prewarmOpenApiWorker has started it.
type Slot = { worker: Worker; heapMb: number; idleTimer?: NodeJS.Timeout }
const IDLE_MS = 30_000

// One pool per process, on globalThis: under `next start` the route handlers' bundle and the
// server that prewarms (server/index.ts, loaded by tsx) each have their own copy of this module.
type Pool = {
  running: number
  waiting: Array<() => void>
  idle: Slot[]
  /** Set by prewarmOpenApiWorker: the heap size of the worker that stays warm, and that worker. */
  keepWarmHeapMb: number | null
  resident: Slot | null
  nextJobId: number
}
const POOL_KEY = Symbol.for('tollgate.openapiWorkerPool')
const pool: Pool = ((globalThis as Record<symbol, Pool | undefined>)[POOL_KEY] ??= {
  running: 0,
  waiting: [],
  idle: [],
  keepWarmHeapMb: null,
  resident: null,
  nextJobId: 1,
})
const { waiting, idle } = pool

const WARM_UP_TEXT = JSON.stringify({ openapi: '3.1.0', info: { title: 'warm-up', version: '1' }, paths: {} })

/**
 * Starts a worker at the default heap and runs one small validation in it, so the parser is
 * loaded and compiled before the first real contract arrives; that worker then stays warm. A
 * server calls this once it listens: a first save of a Stripe-sized contract then costs what
 * every later one does.
 */
export async function prewarmOpenApiWorker(): Promise<void> {
  pool.keepWarmHeapMb = defaultWorkerBudget().heapMb
  await runOpenApiWorker({ kind: 'validate', text: WARM_UP_TEXT, omitDocument: true })
}

export async function runOpenApiWorker<T>(
  job: WorkerJob,
  budget: WorkerBudget = defaultWorkerBudget(jobBytes(job)),
): Promise<WorkerOutcome<T>> {
  await acquire()
  try {
    return await runOnce<T>(job, budget)
  } finally {
    release()
  }
}

function jobBytes(job: WorkerJob): number {
  if (job.kind === 'diff') return Buffer.byteLength(job.before, 'utf8') + Buffer.byteLength(job.after, 'utf8')
  return Buffer.byteLength(job.text, 'utf8')
}

function acquire(): Promise<void> {
  if (pool.running < MAX_RUNNING) {
    pool.running++
    return Promise.resolve()
  }
  if (waiting.length >= MAX_WAITING) {
    return Promise.reject(
      new AppError({
        code: 'validation_busy',
        status: 429,
        message: 'The server is busy checking other contracts; try again in a few seconds',
        extra: { retryAfter: 5 },
      }),
    )
  }
  return new Promise((resolve) => waiting.push(resolve))
}

function release() {
  const next = waiting.shift()
  if (next)
    next() // the slot passes straight to the next job
  else pool.running--
}

function takeSlot(heapMb: number): Slot {
  const index = idle.findIndex((slot) => slot.heapMb === heapMb)
  if (index >= 0) {
    const [slot] = idle.splice(index, 1)
    clearTimeout(slot.idleTimer)
    return slot
  }
  const worker = new Worker(workerFile(), {
    // Keep the parent's flags (tsx, vitest) out of it: the worker loads tsx itself, and only for
    // the diff, the one job written in TypeScript (openapi-worker.mjs).
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.min(32, Math.max(4, Math.round(heapMb / 8))),
    },
  })
  const slot: Slot = { worker, heapMb }
  worker.on('exit', () => {
    if (pool.resident === slot) pool.resident = null
    dropIdle(slot)
  })
  worker.on('error', () => dropIdle(slot)) // a job's own listener reports it; an idle one just goes
  return slot
}

function park(slot: Slot) {
  slot.worker.unref()
  if (idle.length >= MAX_RUNNING) return void slot.worker.terminate()
  idle.push(slot)
  // Once prewarmed, one worker of the default heap is resident: it never times out.
  if (pool.resident === null && slot.heapMb === pool.keepWarmHeapMb) pool.resident = slot
  if (slot === pool.resident) return
  slot.idleTimer = setTimeout(() => {
    dropIdle(slot)
    void slot.worker.terminate()
  }, IDLE_MS)
  slot.idleTimer.unref()
}

function dropIdle(slot: Slot) {
  const index = idle.indexOf(slot)
  if (index >= 0) idle.splice(index, 1)
  clearTimeout(slot.idleTimer)
}

function runOnce<T>(job: WorkerJob, budget: WorkerBudget): Promise<WorkerOutcome<T>> {
  const slot = takeSlot(budget.heapMb)
  const { worker } = slot
  const id = pool.nextJobId++
  return new Promise((resolve, reject) => {
    const finish = (outcome: WorkerOutcome<T> | Error, keep: boolean) => {
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (keep) park(slot)
      else void worker.terminate()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const onMessage = (message: { id: number; ok: true; result: T } | { id: number; ok: false; message: string }) => {
      if (message.id !== id) return
      finish(
        message.ok ? { ok: true, result: message.result } : new Error(`OpenAPI worker failed: ${message.message}`),
        message.ok,
      )
    }
    const onError = (error: Error & { code?: string }) => {
      finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, limit: 'memory', budget } : error, false)
    }
    const onExit = (code: number) => finish(new Error(`OpenAPI worker exited (${code}) without an answer`), false)
    const timer = setTimeout(() => finish({ ok: false, limit: 'time', budget }, false), budget.timeoutMs)
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.once('exit', onExit)
    worker.ref()
    worker.postMessage({ id, ...job })
  })
}

/** The form error for a job stopped by its budget. */
export function budgetMessage(limit: 'time' | 'memory', budget: WorkerBudget, doing = 'Checking'): string {
  return limit === 'time'
    ? `${doing} this document took longer than the ${formatSeconds(budget.timeoutMs)} limit, so it was stopped; split the contract or simplify its schemas`
    : `${doing} this document needed more than the ${budget.heapMb} MB memory limit, so it was stopped; split the contract or simplify its schemas`
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}
