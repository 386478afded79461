import { existsSync, readdirSync, readFileSync } from 'node:fs'

// CPU accounting from /proc (Linux): the CPU time of a target's process with every thread (the
// metering writer thread included) and, for GATEWAY_WORKERS=N, every process it forked; and how
// idle the whole machine was meanwhile, which says whether a second worker had any core to use.

const TICK_MS = 10 // CLK_TCK is 100 on Linux

/** utime and stime (ms) from a /proc stat line: of a process with all its threads, or of one thread. */
function statTimes(path: string): { userMs: number; systemMs: number } {
  const stat = readFileSync(path, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { userMs: Number(fields[11]) * TICK_MS, systemMs: Number(fields[12]) * TICK_MS }
}

/** utime + stime of one process, all its threads, in ms. */
function processCpuMs(pid: number): number {
  const { userMs, systemMs } = statTimes(`/proc/${pid}/stat`)
  return userMs + systemMs
}

function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`
  if (!existsSync(tasks)) return []
  return readdirSync(tasks).flatMap((tid) => {
    const text = readFileSync(`${tasks}/${tid}/children`, 'utf8').trim()
    return text ? text.split(' ').map(Number) : []
  })
}

/** CPU ms of the process and all its descendants (cluster workers). */
export function treeCpuMs(pid: number): number {
  let total = 0
  for (const p of [pid, ...childrenOf(pid)]) {
    try {
      total += p === pid ? processCpuMs(p) : treeCpuMs(p)
    } catch {
      // exited meanwhile
    }
  }
  return total
}

/** The machine's idle and total jiffies (all cores). */
function machineTicks(): { idle: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]
  const values = line.trim().split(/\s+/).slice(1).map(Number)
  return { idle: values[3] + values[4], total: values.reduce((a, b) => a + b, 0) }
}

export type CpuSample = { cpuMs: number; machineIdlePct: number }

/** Starts measuring `pid`; the returned function gives the CPU it used and the machine's idle share. */
export function startCpuSample(pid: number): () => CpuSample {
  const cpu0 = treeCpuMs(pid)
  const m0 = machineTicks()
  return () => {
    const m1 = machineTicks()
    return {
      cpuMs: treeCpuMs(pid) - cpu0,
      machineIdlePct: (100 * (m1.idle - m0.idle)) / Math.max(1, m1.total - m0.total),
    }
  }
}

/** Where a process's CPU went: its main thread (user and kernel time) and all its other threads. */
export type ThreadSplit = { mainUserMs: number; mainSystemMs: number; otherThreadsMs: number }

function threadSplit(pid: number): ThreadSplit {
  const main = statTimes(`/proc/${pid}/task/${pid}/stat`)
  const all = statTimes(`/proc/${pid}/stat`)
  return {
    mainUserMs: main.userMs,
    mainSystemMs: main.systemMs,
    // Threads that exited meanwhile stay in the process's own total.
    otherThreadsMs: all.userMs + all.systemMs - main.userMs - main.systemMs,
  }
}

/**
 * Starts measuring how one process (no forked workers) splits its CPU between the event loop and
 * the rest: for the gateway, the metering writer thread and V8's and libuv's helper threads.
 */
export function startThreadSample(pid: number): () => ThreadSplit {
  const before = threadSplit(pid)
  return () => {
    const after = threadSplit(pid)
    return {
      mainUserMs: after.mainUserMs - before.mainUserMs,
      mainSystemMs: after.mainSystemMs - before.mainSystemMs,
      otherThreadsMs: after.otherThreadsMs - before.otherThreadsMs,
    }
  }
}
