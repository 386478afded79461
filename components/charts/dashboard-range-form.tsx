import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/form-field'
import type { DashboardFilterOptions } from '@/lib/analytics/list-dashboard-filter-options'
import type { DashboardQuery, DashboardWindow } from '@/lib/analytics/dashboard-window'

// <input type="datetime-local"> has no zone; the parser reads it as UTC, so fill it in UTC.
const localValue = (date: Date) => date.toISOString().slice(0, 16)

/**
 * A dashboard's custom range (from/to, UTC) and its "narrow to" filters, as a plain GET form: the
 * choice lives in the URL, so every figure's drill-down and a shared link keep it.
 */
export function DashboardRangeForm({
  basePath,
  query,
  window,
  options,
}: {
  basePath: string
  query: DashboardQuery
  window: DashboardWindow
  options: DashboardFilterOptions
}) {
  const narrowed = Boolean(query.filter.apiId || query.filter.consumerTeamId)
  return (
    <form
      method="get"
      action={basePath}
      aria-label="Date range and filters"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-xs ring-1 ring-slate-200"
    >
      <input type="hidden" name="view" value={query.view} />
      <input type="hidden" name="range" value="custom" />
      <Field label="From (UTC)" name="from">
        <Input name="from" type="datetime-local" defaultValue={localValue(window.from)} />
      </Field>
      <Field label="To (UTC)" name="to">
        <Input name="to" type="datetime-local" defaultValue={localValue(window.to)} />
      </Field>
      <Field label="API" name="api">
        <Select name="api" defaultValue={query.filter.apiId ?? ''} className="w-44">
          <option value="">All APIs</option>
          {options.apis.map((api) => (
            <option key={api.id} value={api.id}>
              {api.name}
            </option>
          ))}
        </Select>
      </Field>
      {query.view === 'owner' ? (
        <Field label="Consumer team" name="consumer">
          <Select name="consumer" defaultValue={query.filter.consumerTeamId ?? ''} className="w-44">
            <option value="">All consumers</option>
            {options.consumers.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {query.range === 'custom' || narrowed ? (
        <Link href={`${basePath}?view=${query.view}`} className="px-1 py-2 text-sm text-slate-500 hover:text-slate-800">
          Reset
        </Link>
      ) : null}
    </form>
  )
}
