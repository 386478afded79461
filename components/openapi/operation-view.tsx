import { Table, TBody, Td, Th } from '@/components/ui/table'
import { describeType, type MediaType, type OperationEntry } from '@/lib/openapi/list-operations'
import { MethodBadge } from './method-badge'
import { SchemaView } from './schema-view'

/** One operation: collapsed to method + path + summary, expanded to parameters, body and responses. */
export function OperationView({ entry }: { entry: OperationEntry }) {
  const { operation, parameters } = entry
  const anchor = operation.operationId ?? `${entry.method}-${entry.path}`
  return (
    <details id={anchor} className="group rounded-md ring-1 ring-slate-200 open:ring-slate-300" data-operation={entry.key}>
      <summary className="flex cursor-pointer list-none items-center gap-3 px-3 py-2 hover:bg-slate-50">
        <MethodBadge method={entry.method} />
        <code className={`font-mono text-sm ${operation.deprecated ? 'text-slate-400 line-through' : 'text-slate-900'}`}>{entry.path}</code>
        {operation.summary ? <span className="truncate text-sm text-slate-600">{operation.summary}</span> : null}
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-3 py-3">
        {operation.description ? <p className="whitespace-pre-line text-sm text-slate-700">{operation.description}</p> : null}
        {parameters.length > 0 ? (
          <Section title="Parameters">
            <Table>
              <thead><tr><Th>Name</Th><Th>In</Th><Th>Required</Th><Th>Type</Th><Th>Description</Th></tr></thead>
              <TBody>
                {parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <Td><code className="font-mono text-xs">{p.name}</code></Td>
                    <Td className="text-xs">{p.in}</Td>
                    <Td className="text-xs">{p.required ? 'yes' : 'no'}</Td>
                    <Td><code className="font-mono text-xs text-violet-700">{describeType(p.schema)}</code></Td>
                    <Td className="whitespace-normal text-xs">{p.description ?? ''}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </Section>
        ) : null}
        {operation.requestBody?.content ? (
          <Section title={`Request body${operation.requestBody.required ? ' (required)' : ''}`}>
            {operation.requestBody.description ? <p className="mb-2 text-xs text-slate-600">{operation.requestBody.description}</p> : null}
            <MediaTypes content={operation.requestBody.content} />
          </Section>
        ) : null}
        {operation.responses ? (
          <Section title="Responses">
            <ul className="space-y-3">
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status} className="space-y-1">
                  <p className="text-sm">
                    <code className={`font-mono font-semibold ${status.startsWith('2') ? 'text-emerald-700' : status.startsWith('4') || status.startsWith('5') ? 'text-red-700' : 'text-slate-700'}`}>{status}</code>
                    {response?.description ? <span className="ml-2 text-slate-600">{response.description}</span> : null}
                  </p>
                  {response?.content ? <MediaTypes content={response.content} /> : null}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </details>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h4 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  )
}

function MediaTypes({ content }: { content: Record<string, MediaType> }) {
  return (
    <div className="space-y-2">
      {Object.entries(content).map(([mediaType, media]) => (
        <div key={mediaType} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-100">
          <p className="mb-1 font-mono text-[11px] text-slate-500">{mediaType}</p>
          {media?.schema ? <SchemaView schema={media.schema} /> : null}
          <Examples media={media} />
        </div>
      ))}
    </div>
  )
}

function Examples({ media }: { media: MediaType | undefined }) {
  const examples: Array<[string, unknown]> = []
  if (media?.example !== undefined) examples.push(['Example', media.example])
  for (const [name, example] of Object.entries(media?.examples ?? {})) {
    if (example && 'value' in example) examples.push([example.summary ?? name, example.value])
  }
  if (examples.length === 0) return null
  return (
    <div className="mt-2 space-y-2">
      {examples.map(([label, value]) => (
        <figure key={label}>
          <figcaption className="text-[11px] font-medium text-slate-500">{label}</figcaption>
          {/* Rendered as text: React escapes it, so an example can never inject markup. */}
          <pre className="mt-0.5 max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] text-slate-100">{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
        </figure>
      ))}
    </div>
  )
}
