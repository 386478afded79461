import type { TeamReadScope } from '@/lib/auth/actor'
import { csvRow } from '@/lib/billing/format-csv'
import { microsToDecimal } from '@/lib/billing/money'
import { decodeCursor } from '@/lib/pagination/paginate-cursor'
import { listCalls } from './list-calls'
import type { CallLogQuery } from './schemas'

export const EXPORT_BATCH = 500

export const CALL_CSV_HEADER = [
  'time_utc',
  'request_id',
  'method',
  'path',
  'status',
  'error_code',
  'latency_ms',
  'api',
  'version',
  'key_prefix',
  'model',
  'provider',
  'input_tokens',
  'output_tokens',
  'cost',
  'request_bytes',
  'response_bytes',
] as const

/**
 * Every call matching the call log's filters, newest first, as CSV lines. It walks the log's own
 * keyset pages (listCalls), so memory stays flat and a row written meanwhile never repeats or
 * skips a line. The page's cursors are ignored: an export is always the whole filtered log.
 */
export async function* exportCallsCsv(
  scope: TeamReadScope,
  query: CallLogQuery,
  { batchSize = EXPORT_BATCH }: { batchSize?: number } = {},
): AsyncGenerator<string> {
  yield csvRow(CALL_CSV_HEADER)
  let after: CallLogQuery['after']
  for (;;) {
    const page = await listCalls(scope, { ...query, after, before: undefined, pageSize: batchSize })
    for (const call of page.items) {
      yield csvRow([
        call.createdAt.toISOString(),
        call.requestId,
        call.method,
        call.path,
        call.status,
        call.errorCode,
        call.latencyMs,
        call.apiName,
        call.version,
        call.keyPrefix,
        call.model,
        call.provider,
        call.inputTokens,
        call.outputTokens,
        microsToDecimal(call.costMicros),
        call.requestBytes,
        call.responseBytes,
      ])
    }
    after = decodeCursor(page.nextCursor)
    if (!after) return
  }
}
