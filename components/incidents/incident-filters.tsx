import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'
import { withParams } from '@/components/ui/pagination'
import { CAUSE_LABELS, PAYMENT_CAUSES } from '@/lib/incidents/causes'
import type { ListIncidentsQuery } from '@/lib/incidents/schemas'

/** A plain GET form: search, cause and state live in the URL; submitting starts at page 1. */
export function IncidentFilters({
  basePath,
  query,
  keep,
}: {
  basePath: string
  query: ListIncidentsQuery
  keep: Record<string, string | undefined>
}) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter incidents"
      className="flex flex-wrap items-end gap-2"
    >
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <div className="w-56">
        <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">
          Search
        </label>
        <Input name="q" type="search" placeholder="API, team or incident id" defaultValue={query.q ?? ''} />
      </div>
      <div className="w-56">
        <label htmlFor="cause" className="mb-1 block text-xs font-medium text-slate-600">
          Cause
        </label>
        <Select name="cause" defaultValue={query.cause ?? ''}>
          <option value="">Any cause</option>
          {PAYMENT_CAUSES.map((cause) => (
            <option key={cause} value={cause}>
              {CAUSE_LABELS[cause]}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-36">
        <label htmlFor="state" className="mb-1 block text-xs font-medium text-slate-600">
          State
        </label>
        <Select name="state" defaultValue={query.state ?? ''}>
          <option value="">Any state</option>
          <option value="OPEN">Open</option>
          <option value="RESOLVED">Resolved</option>
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <Link href={withParams(basePath, keep, {})} className="px-1 py-2 text-sm text-slate-500 hover:text-slate-800">
        Clear
      </Link>
    </form>
  )
}
