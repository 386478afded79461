import type { Metadata } from 'next'
import { ModelForm } from '@/components/ai/model-form'
import { ModelsTable } from '@/components/ai/models-table'
import { ProviderForm } from '@/components/ai/provider-form'
import { ProvidersTable } from '@/components/ai/providers-table'
import { SearchBox } from '@/components/ai/search-box'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { listModels } from '@/lib/ai/console/list-models'
import { listProviderChoices, listProviders } from '@/lib/ai/console/list-providers'
import { PRICE_LIST } from '@/lib/ai/console/price-list'
import { listAiQuerySchema } from '@/lib/ai/console/schemas'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { microsToDecimal } from '@/lib/billing/money'
import {
  createModelAction,
  createProviderAction,
  deleteModelAction,
  deleteProviderAction,
  testProviderAction,
  updateModelAction,
  updateProviderAction,
} from './actions'

export const metadata: Metadata = { title: 'AI providers and models' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function AiPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  const scope = scopeOf(context)
  const providerQuery = listAiQuerySchema.parse({ q: one(raw.pq), page: one(raw.pp) })
  const modelQuery = listAiQuerySchema.parse({ q: one(raw.mq), page: one(raw.mp) })
  const canWrite = context.can('ai.write')
  const [providers, models, choices] = await Promise.all([
    listProviders(scope, providerQuery),
    listModels(scope, modelQuery),
    canWrite ? listProviderChoices(scope) : [],
  ])
  const basePath = `/t/${slug}/ai`
  const keep = {
    pq: providerQuery.q,
    pp: raw.pp ? String(providerQuery.page) : undefined,
    mq: modelQuery.q,
    mp: raw.mp ? String(modelQuery.page) : undefined,
  }
  const here = withParams(basePath, keep, {})
  // ?editProvider=<id> / ?editModel=<id> swap a "new" form for that row's edit form.
  const editingProvider = canWrite ? providers.items.find((p) => p.id === one(raw.editProvider)) : undefined
  const editingModel = canWrite ? models.items.find((m) => m.id === one(raw.editModel)) : undefined
  const currency = PRICE_LIST.currency

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title="AI providers and models"
        description="The model providers your AI APIs route to, and the models they offer with their prices. Keys are encrypted at rest and never shown again."
        actions={
          <ButtonLink href={`/t/${slug}/ai/usage`} variant="secondary">
            AI usage
          </ButtonLink>
        }
      />
      <section id="providers" className="scroll-mt-4 space-y-3" aria-labelledby="providers-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="providers-heading" className="text-sm font-semibold text-slate-900">
            Providers
          </h2>
          <SearchBox
            name="pq"
            label="Search providers"
            placeholder="Name or URL"
            value={providerQuery.q}
            keep={{ mq: keep.mq }}
          />
        </div>
        <ProvidersTable
          teamSlug={slug}
          providers={providers.items}
          canWrite={canWrite}
          editHref={(id) => `${withParams(basePath, keep, { editProvider: id })}#providers`}
          test={testProviderAction}
          remove={deleteProviderAction}
        />
        <Pagination
          page={providers.page}
          pageCount={providers.pageCount}
          total={providers.total}
          hrefFor={(page) => withParams(basePath, keep, { pp: page })}
        />
        {canWrite ? (
          <Card>
            <CardHeader title={editingProvider ? `Edit ${editingProvider.name}` : 'Add a provider'} />
            <CardBody>
              {editingProvider ? (
                <ProviderForm
                  key={editingProvider.id}
                  teamSlug={slug}
                  action={updateProviderAction}
                  provider={editingProvider}
                  cancelHref={`${here}#providers`}
                />
              ) : (
                <ProviderForm teamSlug={slug} action={createProviderAction} />
              )}
            </CardBody>
          </Card>
        ) : null}
      </section>

      <section id="models" className="scroll-mt-4 space-y-3" aria-labelledby="models-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="models-heading" className="text-sm font-semibold text-slate-900">
            Models
          </h2>
          <SearchBox
            name="mq"
            label="Search models"
            placeholder="Model name"
            value={modelQuery.q}
            keep={{ pq: keep.pq }}
          />
        </div>
        <ModelsTable
          teamSlug={slug}
          models={models.items}
          currency={currency}
          canWrite={canWrite}
          editHref={(id) => `${withParams(basePath, keep, { editModel: id })}#models`}
          remove={deleteModelAction}
        />
        <Pagination
          page={models.page}
          pageCount={models.pageCount}
          total={models.total}
          hrefFor={(page) => withParams(basePath, keep, { mp: page })}
        />
        {canWrite ? (
          <Card>
            <CardHeader
              title={editingModel ? `Edit ${editingModel.name}` : 'Add a model'}
              description={choices.length === 0 ? 'Add a provider first.' : undefined}
            />
            <CardBody>
              {editingModel ? (
                <ModelForm
                  key={editingModel.id}
                  teamSlug={slug}
                  action={updateModelAction}
                  providers={choices}
                  priceList={PRICE_LIST}
                  currency={currency}
                  cancelHref={`${here}#models`}
                  model={{
                    id: editingModel.id,
                    providerId: editingModel.providerId,
                    name: editingModel.name,
                    providerModel: editingModel.providerModel,
                    kind: editingModel.kind,
                    inputPrice: microsToDecimal(editingModel.inputMicrosPerM),
                    outputPrice: microsToDecimal(editingModel.outputMicrosPerM),
                    cachedInputPrice:
                      editingModel.cachedInputMicrosPerM === null
                        ? ''
                        : microsToDecimal(editingModel.cachedInputMicrosPerM),
                    contextWindow: String(editingModel.contextWindow),
                    maxOutputTokens: String(editingModel.maxOutputTokens),
                  }}
                />
              ) : (
                <ModelForm
                  teamSlug={slug}
                  action={createModelAction}
                  providers={choices}
                  priceList={PRICE_LIST}
                  currency={currency}
                />
              )}
            </CardBody>
          </Card>
        ) : null}
      </section>
    </div>
  )
}
