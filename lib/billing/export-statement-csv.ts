import { csvRow } from './format-csv'
import type { MonthlyStatement } from './get-monthly-statement'
import { microsToDecimal } from './money'

/**
 * The statement as CSV: one row per line (API × plan), then the total. Small, so built in one go.
 * A line without a plan has no calls to count, so its count is left empty, as the table shows "—".
 */
export function exportStatementCsv(statement: MonthlyStatement): string {
  const rows = [csvRow(['month', 'api', 'plan', 'successful_calls', 'ledger_entries', 'amount', 'currency'])]
  for (const line of statement.lines) {
    const calls = line.apiId && line.planId ? line.calls : ''
    rows.push(
      csvRow([
        statement.month,
        line.apiLabel ?? line.apiId ?? 'Other charges',
        line.planName ?? line.planId ?? '',
        calls,
        line.entries,
        microsToDecimal(line.amountMicros),
        statement.currency,
      ]),
    )
  }
  rows.push(csvRow([statement.month, 'Total', '', '', '', microsToDecimal(statement.totalMicros), statement.currency]))
  return rows.join('')
}
