import Link from 'next/link'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { ModelOutput } from '@/lib/ai/console/schemas'
import type { FormAction } from '@/lib/auth/action-result'
import { formatMicros } from '@/lib/billing/money'

/** The team's models with prices per 1M tokens and the AI APIs that route to each. */
export function ModelsTable({
  teamSlug,
  models,
  currency,
  canWrite,
  editHref,
  remove,
}: {
  teamSlug: string
  models: ModelOutput[]
  currency: string
  canWrite: boolean
  editHref: (id: string) => string
  remove: FormAction<{ name: string }>
}) {
  if (models.length === 0)
    return (
      <EmptyState
        title="No models"
        description="Add a model on one of your providers, with its prices per 1M tokens."
      />
    )
  return (
    <Table>
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Provider</Th>
          <Th className="text-right">Input / 1M</Th>
          <Th className="text-right">Output / 1M</Th>
          <Th className="text-right">Cached / 1M</Th>
          <Th className="text-right">Context</Th>
          <Th>Used by</Th>
          {canWrite ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <TBody>
        {models.map((model) => (
          <tr key={model.id} data-model={model.name}>
            <Td>
              <span className="font-mono font-medium text-slate-900">{model.name}</span>
              {model.kind === 'EMBEDDING' ? <span className="ml-1 text-xs text-slate-500">(embedding)</span> : null}
              {model.providerModel !== model.name ? (
                <p className="font-mono text-xs text-slate-500">→ {model.providerModel}</p>
              ) : null}
            </Td>
            <Td>{model.providerName}</Td>
            <Td className="text-right tabular-nums">{formatMicros(model.inputMicrosPerM, currency)}</Td>
            <Td className="text-right tabular-nums">{formatMicros(model.outputMicrosPerM, currency)}</Td>
            <Td className="text-right tabular-nums">
              {model.cachedInputMicrosPerM === null ? '—' : formatMicros(model.cachedInputMicrosPerM, currency)}
            </Td>
            <Td className="text-right tabular-nums">
              {model.contextWindow.toLocaleString('en-US')}
              <p className="text-xs text-slate-500">max out {model.maxOutputTokens.toLocaleString('en-US')}</p>
            </Td>
            <Td className="whitespace-normal text-xs">
              {model.usedBy.length === 0 ? (
                <span className="text-slate-500">No AI API</span>
              ) : (
                model.usedBy.map((use) => (
                  <p key={use.apiId}>
                    <Link href={`/t/${teamSlug}/apis/${use.apiSlug}`} className="text-brand-700 hover:underline">
                      {use.apiName}
                    </Link>{' '}
                    <span className="text-slate-500">{use.versions.join(', ')}</span>
                  </p>
                ))
              )}
            </Td>
            {canWrite ? (
              <Td>
                <div className="flex gap-2">
                  <Link href={editHref(model.id)} scroll={false} className="text-sm text-brand-700 hover:underline">
                    Edit
                  </Link>
                  <ConfirmActionButton
                    label="Delete"
                    title={`Delete ${model.name}?`}
                    description="A model that an AI API routes to cannot be deleted; remove it from those routes first."
                    confirmLabel="Delete model"
                    fields={{ team: teamSlug, modelId: model.id }}
                    action={remove}
                  />
                </div>
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
