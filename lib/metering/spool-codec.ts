import type { MeteredCall } from './batch-sink'
import { INVOCATION_COLUMNS } from './metering-program'

// One spooled call per line: a JSON array in a fixed field order (no key names, bigints as
// strings). Decoding is lenient: a line torn by a crash mid-write is skipped, not fatal.

// The Invocation columns, then what billing needs of a call that the table does not keep.
const FIELDS = [
  ...INVOCATION_COLUMNS,
  'planId',
  'billable',
  'blockedMicros',
  'chargeLabel',
] as const satisfies ReadonlyArray<keyof MeteredCall>

const BIGINTS = new Set<string>(['costMicros', 'blockedMicros'])

export function encodeCall(call: MeteredCall): string {
  const values = new Array<unknown>(FIELDS.length)
  for (let i = 0; i < FIELDS.length; i++) {
    const value = call[FIELDS[i]]
    values[i] = typeof value === 'bigint' ? value.toString() : (value ?? null)
  }
  return JSON.stringify(values) + '\n'
}

/** The calls in a spool file's text; `leaseInstanceId` is the instance that wrote the file. */
export function decodeCalls(text: string, leaseInstanceId: string | null): MeteredCall[] {
  const calls: MeteredCall[] = []
  for (const line of text.split('\n')) {
    if (line.length === 0) continue
    let values: unknown[]
    try {
      values = JSON.parse(line) as unknown[]
    } catch {
      continue // torn by the crash
    }
    if (!Array.isArray(values) || values.length !== FIELDS.length) continue
    const call: Record<string, unknown> = { leaseInstanceId, replayed: true }
    FIELDS.forEach((field, i) => {
      call[field] = BIGINTS.has(field) ? BigInt(values[i] as string) : values[i]
    })
    calls.push(call as MeteredCall)
  }
  return calls
}
