import { csvRow } from './format-csv'
import type { MonthlyStatement } from './get-monthly-statement'
import { microsToDecimal } from './money'

/** The statement as CSV: one row per line, then the total. Small, so built in one go. */
export function exportStatementCsv(statement: MonthlyStatement): string {
  const rows = [csvRow(['month', 'api', 'plan', 'successful_calls', 'ledger_entries', 'amount', 'currency'])]
  for (const line of statement.lines) {
    rows.push(csvRow([statement.month, line.apiLabel ?? line.apiId ?? 'Other charges', line.planName ?? line.planId ?? '', line.calls, line.entries, microsToDecimal(line.amountMicros), statement.currency]))
  }
  rows.push(csvRow([statement.month, 'Total', '', '', '', microsToDecimal(statement.totalMicros), statement.currency]))
  return rows.join('')
}
