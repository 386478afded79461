import { Button, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/card'
import { Input } from '@/components/ui/form-field'
import { Pagination, withParams } from '@/components/ui/pagination'
import type { LedgerRow } from '@/lib/billing/list-ledger-entries'
import { LedgerTable } from './ledger-table'
import type { OffsetPage } from '@/lib/pagination/paginate-offset'

type Page = OffsetPage<LedgerRow>

/** The ledger with its search, paging and CSV export (of the same search). Other params are kept. */
export function LedgerSection({
  teamSlug,
  ledger,
  q,
  keep,
}: {
  teamSlug: string
  ledger: Page
  q?: string
  keep: Record<string, string | undefined>
}) {
  const basePath = `/t/${teamSlug}/billing`
  return (
    <section id="ledger" className="space-y-3" aria-labelledby="ledger-heading">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="ledger-heading" className="text-sm font-semibold text-slate-900">
            Ledger
          </h2>
          <p className="text-xs text-slate-500">
            Every top-up, charge, refund and adjustment, newest first. The balance is their sum.
          </p>
        </div>
        <div className="flex min-w-0 flex-wrap gap-2">
          <form method="get" action="#ledger" role="search" className="flex min-w-0 gap-2">
            {Object.entries(keep).map(([name, value]) =>
              value ? <input key={name} type="hidden" name={name} value={value} /> : null,
            )}
            <div className="w-64 min-w-0 max-sm:w-auto max-sm:flex-1">
              <Input
                name="q"
                type="search"
                aria-label="Search the ledger"
                placeholder="Description or kind"
                defaultValue={q ?? ''}
              />
            </div>
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </form>
          <a className={buttonClass('secondary')} href={withParams(`${basePath}/ledger.csv`, { q }, {})} download>
            Export CSV
          </a>
        </div>
      </div>
      {ledger.items.length === 0 ? (
        <EmptyState
          title={q ? 'No ledger entries match' : 'No ledger entries yet'}
          description={
            q
              ? 'Try another word, or a kind such as “top-up” or “charge”.'
              : 'Top-ups and charges for calls appear here.'
          }
        />
      ) : (
        <LedgerTable teamSlug={teamSlug} rows={ledger.items} />
      )}
      <Pagination
        page={ledger.page}
        pageCount={ledger.pageCount}
        total={ledger.total}
        hrefFor={(page) => `${withParams(basePath, { ...keep, q }, { page })}#ledger`}
      />
    </section>
  )
}
