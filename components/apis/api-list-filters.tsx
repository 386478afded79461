import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'

/** A plain GET form; submitting starts again at page 1. Works without JavaScript. */
export function ApiListFilters({ basePath, q, state }: { basePath: string; q?: string; state?: string }) {
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label="Search APIs"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <label className="block min-w-64 flex-1 space-y-1 text-sm">
        <span className="font-medium text-slate-700">Search</span>
        <Input type="search" name="q" defaultValue={q} placeholder="Name, description or tag" />
      </label>
      <label className="block w-44 space-y-1 text-sm">
        <span className="font-medium text-slate-700">State</span>
        <Select name="state" defaultValue={state ?? ''}>
          <option value="">All states</option>
          <option value="DRAFT">Draft</option>
          <option value="PUBLISHED">Published</option>
          <option value="DEPRECATED">Deprecated</option>
          <option value="RETIRED">Retired</option>
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {q || state ? (
        <Link href={basePath} className="py-2 text-sm text-slate-500 hover:text-slate-800">
          Clear
        </Link>
      ) : null}
    </form>
  )
}
