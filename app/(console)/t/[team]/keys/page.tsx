import type { Metadata } from 'next'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { Input } from '@/components/ui/form-field'
import { Pagination, withParams } from '@/components/ui/pagination'
import { CreateKeyForm } from '@/components/keys/create-key-form'
import { KeysTable } from '@/components/keys/keys-table'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listKeys } from '@/lib/keys/list-keys'
import { listKeysQuerySchema } from '@/lib/keys/schemas'
import { listActiveSubscriptions } from '@/lib/subscriptions/list-active-subscriptions'
import { createKeyAction, revokeKeyAction, rotateKeyAction } from './actions'

export const metadata: Metadata = { title: 'API keys' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function KeysPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const query = listKeysQuerySchema.parse({ q: raw.q, page: raw.page })
  const canWrite = context.can('keys.write')
  const [list, subscriptions] = await Promise.all([
    listKeys(scopeOf(context), query),
    canWrite ? listActiveSubscriptions(scopeOf(context)) : [],
  ])
  const basePath = `/t/${slug}/keys`

  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description="Keys authenticate your team's calls at the gateway. A key is shown once; Tollgate stores only its hash."
      />
      {canWrite ? (
        <Card>
          <CardHeader title="Create a key" />
          <CardBody>
            <CreateKeyForm teamSlug={slug} subscriptions={subscriptions} action={createKeyAction} />
          </CardBody>
        </Card>
      ) : null}
      <section className="space-y-3" aria-labelledby="keys-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="keys-heading" className="text-sm font-semibold text-slate-900">
            Keys
          </h2>
          <form method="get" role="search" className="flex gap-2">
            <div className="w-64">
              <Input
                name="q"
                type="search"
                aria-label="Search keys"
                placeholder="Name or prefix"
                defaultValue={query.q ?? ''}
              />
            </div>
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </form>
        </div>
        <KeysTable
          teamSlug={slug}
          keys={list.items}
          canWrite={canWrite}
          rotate={rotateKeyAction}
          revoke={revokeKeyAction}
        />
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          hrefFor={(page) => withParams(basePath, { q: query.q }, { page })}
        />
      </section>
    </div>
  )
}
