import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/form-field'
import type { DashboardFilterOptions } from '@/lib/analytics/list-dashboard-filter-options'
import type { DashboardQuery, DashboardWindow } from '@/lib/analytics/dashboard-window'

// <input type="datetime-local"> has no zone; the parser reads it as UTC, so fill it in UTC.
const localValue = (date: Date) => date.toISOString().slice(0, 16)

/**
 * A dashboard's custom range (from/to, UTC) and its "narrow to" filters, as a plain GET form: the
 * choice lives in the URL, so every figure's drill-down and a shared link keep it. A range that
 * cannot be read shows its error next to the field. Without `options` (billing) there is no
 * view or filter: `keep` carries the page's other params instead.
 */
export function DashboardRangeForm({
  basePath,
  query,
  window,
  options,
  keep = {},
}: {
  basePath: string
  query: DashboardQuery
  window: DashboardWindow
  options?: DashboardFilterOptions
  keep?: Record<string, string | undefined>
}) {
  const narrowed = Boolean(query.filter.apiId || query.filter.consumerTeamId)
  const hidden = { ...(options ? { view: query.view, group: query.group } : {}), ...keep }
  return (
    <form
      method="get"
      action={basePath}
      aria-label="Date range and filters"
      className="mb-6 flex flex-wrap items-start gap-3 rounded-lg bg-white p-3 shadow-xs ring-1 ring-slate-200"
    >
      {Object.entries(hidden).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <input type="hidden" name="range" value="custom" />
      <Field label="From (UTC)" name="from" errors={query.errors?.from}>
        <Input
          name="from"
          type="datetime-local"
          defaultValue={query.entered ? query.entered.from : localValue(window.from)}
          invalid={Boolean(query.errors?.from)}
        />
      </Field>
      <Field label="To (UTC)" name="to" errors={query.errors?.to}>
        <Input
          name="to"
          type="datetime-local"
          defaultValue={query.entered ? query.entered.to : localValue(window.to)}
          invalid={Boolean(query.errors?.to)}
        />
      </Field>
      {options ? (
        <FilterSelect label="API" name="api" value={query.filter.apiId} all="All APIs" options={options.apis} />
      ) : null}
      {options && query.view === 'owner' ? (
        <FilterSelect
          label="Consumer team"
          name="consumer"
          value={query.filter.consumerTeamId}
          all="All consumers"
          options={options.consumers}
        />
      ) : null}
      <Button type="submit" variant="secondary" className="mt-6">
        Apply
      </Button>
      {query.range === 'custom' || narrowed || query.errors ? (
        <Link
          href={options ? `${basePath}?view=${query.view}` : basePath}
          className="mt-6 px-1 py-2 text-sm text-slate-500 hover:text-slate-800"
        >
          Reset
        </Link>
      ) : null}
    </form>
  )
}

function FilterSelect({
  label,
  name,
  value,
  all,
  options,
}: {
  label: string
  name: string
  value: string | undefined
  all: string
  options: Array<{ id: string; name: string }>
}) {
  return (
    <Field label={label} name={name}>
      <Select name={name} defaultValue={value ?? ''} className="w-44">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </Select>
    </Field>
  )
}
