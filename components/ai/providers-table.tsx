import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { ConfirmActionButton } from '@/components/ui/confirm-action-button'
import { EmptyState } from '@/components/ui/card'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { PROVIDER_KIND_LABELS } from '@/lib/ai/console/kinds'
import type { ProviderOutput } from '@/lib/ai/console/schemas'
import type { ConnectionTestResult } from '@/lib/ai/console/test-provider-connection'
import type { FormAction } from '@/lib/auth/action-result'
import { TestConnectionButton } from './test-connection-button'

/** The team's providers: never a key, only its hint and the names of extra headers. */
export function ProvidersTable({
  teamSlug,
  providers,
  canWrite,
  editHref,
  test,
  remove,
}: {
  teamSlug: string
  providers: ProviderOutput[]
  canWrite: boolean
  editHref: (id: string) => string
  test: FormAction<ConnectionTestResult>
  remove: FormAction<{ name: string }>
}) {
  if (providers.length === 0)
    return (
      <EmptyState
        title="No providers"
        description="Add a provider: OpenAI, Anthropic, Gemini, Ollama or any OpenAI-compatible server."
      />
    )
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Base URL</Th>
          <Th>Key</Th>
          <Th>Models</Th>
          {canWrite ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <TBody>
        {providers.map((provider) => (
          <tr key={provider.id} data-provider={provider.name}>
            <Td className="font-medium text-slate-900">{provider.name}</Td>
            <Td>
              <Badge>{PROVIDER_KIND_LABELS[provider.kind].split(' (')[0]}</Badge>
            </Td>
            <Td className="max-w-xs truncate font-mono text-xs">
              <span title={provider.baseUrl}>{provider.baseUrl}</span>
            </Td>
            <Td className="font-mono text-xs">
              {provider.keyHint ?? <span className="font-sans text-slate-500">None</span>}
              {provider.headerNames.length > 0 ? (
                <p className="font-sans text-slate-500">+ {provider.headerNames.join(', ')}</p>
              ) : null}
            </Td>
            <Td>{provider.modelCount}</Td>
            {canWrite ? (
              <Td className="space-y-2">
                <TestConnectionButton teamSlug={teamSlug} providerId={provider.id} action={test} />
                <div className="flex gap-2">
                  <Link href={editHref(provider.id)} scroll={false} className="text-sm text-brand-700 hover:underline">
                    Edit
                  </Link>
                  <ConfirmActionButton
                    label="Delete"
                    title={`Delete ${provider.name}?`}
                    description="Its encrypted key goes with it. A provider that still has models cannot be deleted."
                    confirmLabel="Delete provider"
                    fields={{ team: teamSlug, providerId: provider.id }}
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
