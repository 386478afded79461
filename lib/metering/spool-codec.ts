import type { MeteredCall } from './batch-sink'
import { INVOCATION_COLUMNS } from './metering-program'

// One spooled call per line: a JSON array in a fixed field order (no key names, bigints as
// strings). Decoding is lenient: a line torn by a crash mid-write is skipped, not fatal.

// The Invocation columns, then what billing needs of a call that the table does not keep, then
// raw-log sampling's fields (stream-checkpoints.ts). Lines written before those existed are one
// group shorter and still decode.
const BASE_FIELDS = [
  ...INVOCATION_COLUMNS,
  'planId',
  'billable',
  'blockedMicros',
  'chargeLabel',
] as const satisfies ReadonlyArray<keyof MeteredCall>
const SAMPLING_FIELDS = ['stream', 'seq', 'rowSampledOut'] as const satisfies ReadonlyArray<keyof MeteredCall>
const FIELDS = [...BASE_FIELDS, ...SAMPLING_FIELDS]

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
    if (!Array.isArray(values) || (values.length !== FIELDS.length && values.length !== BASE_FIELDS.length)) continue
    const call: Record<string, unknown> = { leaseInstanceId, replayed: true }
    values.forEach((value, i) => {
      const field = FIELDS[i]
      if (BIGINTS.has(field)) call[field] = BigInt(value as string)
      // An unsequenced call keeps its fields undefined: it is checked by its Invocation row.
      else if (value !== null || i < BASE_FIELDS.length) call[field] = value
    })
    calls.push(call as MeteredCall)
  }
  return calls
}
