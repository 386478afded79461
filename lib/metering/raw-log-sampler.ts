import type { InvocationRecord } from '../gateway/invocation-record'

// Raw-log sampling (issue 14: "consider sampling it above a configurable rate; rollups and charges
// stay exact in every case"). Above `abovePerSecond` successful calls in a second, only one in
// `oneIn` keeps its raw Invocation row. The rest are still metered in full: usage and latency
// rollups, charges, free quota, key last-used times (metering-program.ts). Never sampled out:
// errors and every status >= 400 (402s included), calls that opened or joined an incident, and
// calls whose exchange a version's capture kept (the call page shows it beside the row).
// Charges do not refer to Invocation rows (one ledger entry per subscription, month and batch).

export type SamplingOptions = { abovePerSecond: number; oneIn: number }

export const DEFAULT_SAMPLE_ONE_IN = 10

/** INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND (unset or 0: off) and INVOCATION_LOG_SAMPLE_ONE_IN. */
export function samplingFromEnv(env: Record<string, string | undefined> = process.env): SamplingOptions | null {
  const abovePerSecond = Number(env.INVOCATION_LOG_SAMPLE_ABOVE_PER_SECOND)
  if (!Number.isFinite(abovePerSecond) || abovePerSecond <= 0) return null
  const oneIn = Number(env.INVOCATION_LOG_SAMPLE_ONE_IN)
  return {
    abovePerSecond: Math.floor(abovePerSecond),
    oneIn: Number.isInteger(oneIn) && oneIn >= 1 ? oneIn : DEFAULT_SAMPLE_ONE_IN,
  }
}

function mayBeSampledOut(r: InvocationRecord): boolean {
  return r.status < 400 && r.errorCode === null && r.incidentId === null && r.blockedMicros === 0n && !r.captured
}

export class RawLogSampler {
  private second = -1
  private seenThisSecond = 0
  private aboveRate = 0

  constructor(private readonly options: SamplingOptions) {}

  /** True when the call's raw row is left out (its rollups and charge are written all the same). */
  leavesOut(record: InvocationRecord): boolean {
    if (!mayBeSampledOut(record)) return false
    // Records arrive in finishing order, so a start time can be a little older than the window.
    const second = Math.floor(record.createdAt / 1000)
    if (second > this.second) {
      this.second = second
      this.seenThisSecond = 0
    }
    if (++this.seenThisSecond <= this.options.abovePerSecond) return false
    return this.aboveRate++ % this.options.oneIn !== 0
  }
}
