import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { Card, CardBody, CardHeader, EmptyState } from '@/components/ui/card'
import { StateBadge } from '@/components/ui/badge'
import { ApiReference, contractDownloadUrl, versionDetailUrl } from '@/components/openapi/api-reference'
import { LifecycleTimeline } from '@/components/apis/lifecycle-timeline'
import { CatalogApiHeader } from '@/components/catalog/catalog-api-header'
import { PlanList } from '@/components/catalog/plan-list'
import { VersionNotice } from '@/components/catalog/version-notice'
import { VersionTabs } from '@/components/catalog/version-tabs'
import { getCatalogApi } from '@/lib/catalog/get-catalog-api'
import { getCatalogViewer } from '@/lib/catalog/get-catalog-viewer'
import { readContractIndex } from '@/lib/catalog/read-contract-index'
import { SubscribePanel } from '@/components/subscriptions/subscribe-panel'
import { TryItPanel } from '@/components/try-it/try-it-panel'
import { parseReplay } from '@/lib/calls/replay-href'
import { subscribeAction } from './actions'

type Props = {
  params: Promise<{ team: string; api: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// generateMetadata and the page share one lookup per request.
const loadApi = cache(async (team: string, api: string, version: string | undefined) =>
  getCatalogApi(await getCatalogViewer(), { team, api, version }),
)

async function load({ params, searchParams }: Props) {
  const [{ team, api }, query] = await Promise.all([params, searchParams])
  return loadApi(team, api, typeof query.version === 'string' ? query.version : undefined)
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const detail = await load(props)
  return { title: detail ? `${detail.api.name} · Catalog` : 'Not found' }
}

export default async function CatalogApiPage(props: Props) {
  const [detail, query] = await Promise.all([load(props), props.searchParams])
  // "Replay in try-it" from a call's detail page; malformed values are ignored.
  const replay = parseReplay(query.replay)
  if (!detail) notFound()
  const { api, versions, selected, plans, events } = detail
  const basePath = `/catalog/${api.team.slug}/${api.slug}`
  const index = selected ? await readContractIndex(selected) : null

  return (
    <div className="mx-auto max-w-7xl">
      <CatalogApiHeader api={api} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          {versions.length > 0 ? (
            <VersionTabs basePath={basePath} versions={versions} selectedId={selected?.id ?? null} />
          ) : null}
          {selected ? <VersionNotice version={selected} basePath={basePath} /> : null}
          <section id="try-it" aria-label="Try it" className="empty:hidden">
            {selected ? <TryItPanel apiId={api.id} versionId={selected.id} replay={replay} /> : null}
          </section>
          {selected ? (
            <Card>
              <CardHeader
                title={
                  <span className="flex items-center gap-2">
                    API reference <span className="font-mono font-normal text-slate-500">{selected.version}</span>{' '}
                    <StateBadge state={selected.state} />
                  </span>
                }
              />
              <CardBody>
                {index ? (
                  <ApiReference
                    index={index}
                    detailUrl={versionDetailUrl(selected.id)}
                    convertedFrom={selected.convertedFrom}
                    baseUrl={`/gw/${api.team.slug}/${api.slug}/${selected.version}`}
                    downloadUrl={contractDownloadUrl(selected.id)}
                    ai={api.kind === 'AI_CHAT'}
                  />
                ) : (
                  <p role="note" className="text-sm text-slate-600">
                    This version&apos;s OpenAPI document could not be read.
                  </p>
                )}
              </CardBody>
            </Card>
          ) : (
            <EmptyState title="No versions yet" description="This API has no version to show." />
          )}
        </div>
        <aside className="min-w-0 space-y-6" aria-label="Access">
          <section id="subscribe" aria-label="Subscribe" className="empty:hidden">
            <SubscribePanel apiId={api.id} action={subscribeAction} />
          </section>
          <PlanList plans={plans} />
          <Card>
            <CardHeader title="Lifecycle history" />
            <CardBody>
              <LifecycleTimeline events={events} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </div>
  )
}
