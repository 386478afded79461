import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/form-field'
import { SUBSCRIPTION_STATES } from '@/lib/subscriptions/schemas'

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function SubscriptionFilters({
  tab,
  q,
  state,
  placeholder,
}: {
  tab: string
  q?: string
  state?: string
  placeholder: string
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" role="search">
      <input type="hidden" name="tab" value={tab} />
      <div className="w-64">
        <Input name="q" aria-label="Search" placeholder={placeholder} defaultValue={q ?? ''} type="search" />
      </div>
      <div className="w-40">
        <Select name="state" aria-label="State" defaultValue={state ?? ''}>
          <option value="">All states</option>
          {SUBSCRIPTION_STATES.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0) + s.slice(1).toLowerCase()}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  )
}
