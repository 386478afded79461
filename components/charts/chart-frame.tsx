'use client'

import { csvRow, type CsvValue } from '@/lib/billing/format-csv'

// Every dashboard chart sits in this frame: the axis units stated above the plot, the plot itself
// (a named figure), and the same series as a table a person can read or download as CSV, so no
// number is only a bar length. The CSV goes through the ledger's formula-injection guard.

export type ChartColumn<R> = {
  label: string
  /** The cell as shown in the table (exact: money to the micro-unit, latency to 0.01 ms). */
  text: (row: R) => string
  /** The cell in the CSV (plain numbers, ISO times); the shown text when absent. */
  csv?: (row: R) => CsvValue
}

export type ChartTable<R> = { rows: readonly R[]; columns: ReadonlyArray<ChartColumn<R>>; filename: string }

export function ChartFrame<R>({
  label,
  units,
  height,
  table,
  tableShown = false,
  children,
}: {
  /** The figure's accessible name. */
  label: string
  /** What the axes measure, e.g. "Calls per hour · UTC". */
  units: string
  height: number
  table: ChartTable<R>
  /** The chart already lists its numbers in a table of its own: offer only the CSV. */
  tableShown?: boolean
  children: React.ReactNode
}) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500" data-axis-units>
        {units}
      </p>
      <div style={{ height }} className="overflow-hidden" role="figure" aria-label={label}>
        {children}
      </div>
      {tableShown ? <CsvLink table={table} /> : <ChartDataTable label={label} table={table} />}
    </div>
  )
}

function toCsv<R>({ rows, columns }: ChartTable<R>): string {
  return [
    csvRow(columns.map((c) => c.label)),
    ...rows.map((row) => csvRow(columns.map((c) => (c.csv ? c.csv(row) : c.text(row))))),
  ].join('')
}

function CsvLink<R>({ table }: { table: ChartTable<R> }) {
  return (
    <a
      href={`data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(table))}`}
      download={table.filename}
      className="text-xs text-brand-700 hover:underline"
      // Inside the table view's <summary>: download without also opening the table.
      onClick={(event) => event.stopPropagation()}
    >
      Download CSV
    </a>
  )
}

/** The chart's series as a collapsible table, with the CSV of exactly those rows beside it. */
export function ChartDataTable<R>({ label, table }: { label: string; table: ChartTable<R> }) {
  return (
    <details className="text-xs" data-chart-table>
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-slate-600 select-none">
        <span className="font-medium text-brand-700 hover:underline">Table view</span>
        <CsvLink table={table} />
      </summary>
      <div className="mt-2 max-h-72 overflow-auto rounded-md ring-1 ring-slate-200">
        <table className="w-full" aria-label={`${label}: data`}>
          <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
            <tr>
              {table.columns.map((c, i) => (
                <th key={c.label} className={`px-2 py-1 font-medium ${i > 0 ? 'text-right' : ''}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className="border-t border-slate-100">
                {table.columns.map((c, i) => (
                  <td key={c.label} className={`px-2 py-1 tabular-nums ${i > 0 ? 'text-right' : ''}`}>
                    {c.text(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
