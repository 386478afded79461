import type { Metadata } from 'next'
import Link from 'next/link'
import { ApiListFilters } from '@/components/apis/api-list-filters'
import { StateBadge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { listApis } from '@/lib/apis/list-apis'
import { listApisSchema } from '@/lib/apis/schemas'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'

export const metadata: Metadata = { title: 'APIs' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const KIND_LABELS: Record<string, string> = { REST: 'REST', AI_CHAT: 'AI chat', AI_PROMPT: 'AI prompt' }

export default async function ApisPage({ params, searchParams }: Props) {
  const [{ team }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(team)
  const query = listApisSchema.parse(raw)
  const result = await listApis(scopeOf(context), query)
  const basePath = `/t/${team}/apis`
  const current = { q: query.q, state: query.state }
  const canWrite = context.can('apis.write')

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="APIs"
        description={`Design, publish and retire ${context.team.name}'s APIs.`}
        actions={canWrite ? <ButtonLink href={`${basePath}/new`}>New API</ButtonLink> : null}
      />
      <ApiListFilters basePath={basePath} q={query.q} state={query.state} />
      {result.total === 0 ? (
        query.q || query.state ? (
          <EmptyState title="No APIs match" description="Try another search or state." />
        ) : (
          <EmptyState
            title="No APIs yet"
            description="Create an API, add a version with its OpenAPI contract, attach a plan and publish it."
            action={canWrite ? <ButtonLink href={`${basePath}/new`}>New API</ButtonLink> : null}
          />
        )
      ) : (
        <>
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Slug</Th>
                <Th>Kind</Th>
                <Th>Visibility</Th>
                <Th>State</Th>
                <Th className="text-right">Versions</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <TBody>
              {result.items.map((api) => (
                <tr key={api.id} data-api={api.slug}>
                  <Td>
                    <Link href={`${basePath}/${api.slug}`} className="font-medium text-brand-700 hover:underline">
                      {api.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{api.slug}</Td>
                  <Td className="text-xs">{KIND_LABELS[api.kind] ?? api.kind}</Td>
                  <Td className="text-xs">{api.visibility === 'INTERNAL' ? 'Internal' : 'Private'}</Td>
                  <Td>
                    <StateBadge state={api.state} />
                  </Td>
                  <Td className="text-right tabular-nums">{api.versionCount}</Td>
                  <Td className="text-xs">
                    <time dateTime={api.updatedAt.toISOString()}>{api.updatedAt.toISOString().slice(0, 10)}</time>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            hrefFor={(page) => withParams(basePath, current, { page })}
          />
        </>
      )}
    </div>
  )
}
