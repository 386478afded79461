import { publishConfigChange } from '../lib/config-events/publish-config-change'
import { seedWorld, spawnInstance, statusOf } from './scale-out-world'

// How long a key revoked in one process takes to answer 401 at a gateway in another (PostgreSQL,
// LISTEN/NOTIFY, the poll as fallback), and where that time goes. The gateway traces each snapshot
// it swaps in (GATEWAY_TRACE_CONFIG=1) with epoch timestamps, comparable with this process's own on
// one machine, so each revocation splits into:
//   write  - the console's update and NOTIFY, until its commit returns here;
//   notify - commit to the gateway hearing the notification;
//   apply  - heard to the new snapshot swapped in (one row re-read, or a full reload);
//   answer - swapped in to this process reading the first 401.
// The lag itself runs from the commit (the change exists) to the first 401 at the other process;
// the console's own write before it is reported beside it (`withWrite`).

export type LagSpread = { medianMs: number; worstMs: number }
export type PropagationLag = LagSpread & {
  /** From the start of the console's write, its update and commit included. */
  withWrite: LagSpread
  samples: number
  /** How many changes the gateway took in as a one-row delta (the rest reloaded in full). */
  deltas: number
  breakdown: { write: LagSpread; notify: LagSpread; apply: LagSpread; answer: LagSpread }
}

const epochNow = () => performance.timeOrigin + performance.now()

/** Milliseconds from each key's revocation committing here to its first 401 at a gateway in another process. */
export async function measurePropagationLag(upstreamUrl: string, revocations = 30): Promise<PropagationLag> {
  const world = await seedWorld(upstreamUrl, revocations)
  const gateway = await spawnInstance(world.database.url, { GATEWAY_TRACE_CONFIG: '1' })
  const swaps = new Map<number, { how: string; heard: number; swapped: number }>()
  let pending = ''
  gateway.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop()!
    for (const line of lines) {
      const m = /config v(\d+) (delta|full) heard ([\d.]+) swapped ([\d.]+)/.exec(line)
      if (m) swaps.set(Number(m[1]), { how: m[2], heard: Number(m[3]), swapped: Number(m[4]) })
    }
  })
  try {
    const url = gateway.url + world.path
    const samples: {
      afterCommit: number
      total: number
      write: number
      notify: number
      apply: number
      answer: number
      how: string
    }[] = []
    for (const key of world.keys) {
      while ((await statusOf(url, key.value)) !== 200) await new Promise((resolve) => setTimeout(resolve, 20))
      const started = epochNow()
      // What revokeKey does: the row, then the config event naming it (NOTIFY on PostgreSQL).
      await world.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } })
      const version = await publishConfigChange(world.db, { kind: 'key', id: key.id })
      const committed = epochNow()
      while ((await statusOf(url, key.value)) !== 401) {
        if (epochNow() - started > 10_000) throw new Error('a revocation did not arrive within 10 s')
      }
      const refused = epochNow()
      // The trace line may trail the 401 through the pipe by a moment.
      for (let i = 0; i < 100 && !swaps.has(version); i++) await new Promise((resolve) => setTimeout(resolve, 10))
      const swap = swaps.get(version) ?? { how: 'unknown', heard: NaN, swapped: NaN }
      samples.push({
        afterCommit: refused - committed,
        total: refused - started,
        write: committed - started,
        notify: swap.heard - committed,
        apply: swap.swapped - swap.heard,
        answer: refused - swap.swapped,
        how: swap.how,
      })
    }
    const spread = (pick: (s: (typeof samples)[number]) => number): LagSpread => {
      const sorted = samples
        .map(pick)
        .filter(Number.isFinite)
        .sort((a, b) => a - b)
      return { medianMs: sorted[Math.floor(sorted.length / 2)], worstMs: sorted[sorted.length - 1] }
    }
    return {
      samples: samples.length,
      ...spread((s) => s.afterCommit),
      withWrite: spread((s) => s.total),
      deltas: samples.filter((s) => s.how === 'delta').length,
      breakdown: {
        write: spread((s) => s.write),
        notify: spread((s) => s.notify),
        apply: spread((s) => s.apply),
        answer: spread((s) => s.answer),
      },
    }
  } finally {
    await gateway.stop()
    await world.database.cleanup()
  }
}
