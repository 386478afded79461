import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/form-field'
import { AUDIT_ORIGINS, type AuditQuery } from '@/lib/audit/schemas'

const ORIGIN_LABELS: Record<(typeof AUDIT_ORIGINS)[number], string> = {
  CONSOLE: 'Console',
  API: 'Management API',
  CONFIG: 'Config apply',
}

// <input type="datetime-local"> has no zone; the parser reads it as UTC, so fill it in UTC.
const localValue = (date?: Date) => (date ? date.toISOString().slice(0, 16) : '')

/** A plain GET form: every filter is a search parameter; submitting starts again at the newest entry. */
export function AuditFilters({ basePath, query }: { basePath: string; query: AuditQuery }) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Filter the audit log"
      className="mb-4 grid gap-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field label="Search" name="q">
        <Input id="q" type="search" name="q" defaultValue={query.q ?? ''} placeholder="Action, target, email…" />
      </Field>
      <Field label="Actor" name="actor">
        <Input id="actor" name="actor" defaultValue={query.actor ?? ''} placeholder="Email, user or token id" />
      </Field>
      <Field label="Action" name="action">
        <Input id="action" name="action" defaultValue={query.action ?? ''} placeholder="api.create, key.…" />
      </Field>
      <Field label="Target" name="target">
        <Input id="target" name="target" defaultValue={query.target ?? ''} placeholder="plan, or an id" />
      </Field>
      <Field label="Origin" name="origin">
        <Select id="origin" name="origin" defaultValue={query.origin ?? ''}>
          <option value="">Any origin</option>
          {AUDIT_ORIGINS.map((origin) => (
            <option key={origin} value={origin}>
              {ORIGIN_LABELS[origin]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From (UTC)" name="from">
        <Input id="from" type="datetime-local" name="from" defaultValue={localValue(query.from)} />
      </Field>
      <Field label="To (UTC)" name="to">
        <Input id="to" type="datetime-local" name="to" defaultValue={localValue(query.to)} />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Link href={basePath} className="px-1 py-2 text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      </div>
    </form>
  )
}

export { ORIGIN_LABELS }
