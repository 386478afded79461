import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Input } from '@/components/ui/form-field'
import { Pagination, withParams } from '@/components/ui/pagination'
import type { FormAction } from '@/lib/auth/action-result'
import type { OffsetPage } from '@/lib/pagination/paginate-offset'
import type { ManagementTokenOutput, NewManagementToken } from '@/lib/management-tokens/schemas'
import { CreateManagementTokenForm } from './create-management-token-form'
import { ManagementTokensTable } from './management-tokens-table'

/** Team settings: tokens for the management API (/api/v1), created, listed, searched and revoked. */
export function ManagementTokensSection({
  teamSlug,
  tokens,
  query,
  currentParams,
  canRevoke,
  actions,
}: {
  teamSlug: string
  tokens: OffsetPage<ManagementTokenOutput>
  query: { tq?: string }
  /** The page's other list parameters, kept in the search and paging links. */
  currentParams: Record<string, string | undefined>
  canRevoke: (token: ManagementTokenOutput) => boolean
  actions: { create: FormAction<NewManagementToken>; revoke: FormAction }
}) {
  const basePath = `/t/${teamSlug}/settings`
  return (
    <section className="space-y-3" aria-labelledby="management-tokens-heading">
      <Card>
        <CardHeader
          title="Management API tokens"
          description={
            <>
              Bearer tokens for scripts and pipelines calling /api/v1 (
              <a href="/docs/api" className="underline">
                reference
              </a>
              ). A token is shown once and never does more than its creator&apos;s role.
            </>
          }
        />
        <CardBody>
          <CreateManagementTokenForm teamSlug={teamSlug} action={actions.create} />
        </CardBody>
      </Card>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="management-tokens-heading" className="text-sm font-semibold text-slate-900">
          Tokens ({tokens.total})
        </h2>
        <form method="get" role="search" className="flex gap-2">
          {Object.entries(currentParams).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <div className="w-64">
            <Input
              name="tq"
              type="search"
              aria-label="Search tokens"
              placeholder="Name or prefix"
              defaultValue={query.tq ?? ''}
            />
          </div>
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
      </div>
      <ManagementTokensTable teamSlug={teamSlug} tokens={tokens.items} canRevoke={canRevoke} revoke={actions.revoke} />
      <Pagination
        page={tokens.page}
        pageCount={tokens.pageCount}
        total={tokens.total}
        hrefFor={(page) => withParams(basePath, { ...currentParams, tq: query.tq }, { tpage: page })}
      />
    </section>
  )
}
