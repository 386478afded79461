import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { MediaModel, OperationModel } from '@/lib/openapi/build-reference-detail'
import { CodeSamples } from './code-samples'
import { SchemaView, TypeLabel } from './schema-view'

/** What an opened operation shows: its description, parameters, request body and responses. */
export function OperationBody({ operation }: { operation: OperationModel }) {
  return (
    <div className="space-y-4 border-t border-slate-100 px-3 py-3">
      {operation.description ? (
        <p className="whitespace-pre-line text-sm text-slate-700">{operation.description}</p>
      ) : null}
      {operation.truncated ? (
        <p className="text-xs text-slate-500">
          This operation&apos;s details are not shown: the document is too large to show in full on one page.
        </p>
      ) : null}
      {operation.truncated ? null : <CodeSamples operation={operation} />}
      {operation.parameters.length > 0 ? (
        <Section title="Parameters">
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>In</Th>
                <Th>Required</Th>
                <Th>Type</Th>
                <Th>Description</Th>
              </tr>
            </thead>
            <TBody>
              {operation.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`} data-parameter={p.name}>
                  <Td>
                    <code className="font-mono text-xs">{p.name}</code>
                  </Td>
                  <Td className="text-xs">{p.in}</Td>
                  <Td className="text-xs">{p.required ? 'yes' : 'no'}</Td>
                  <Td className="text-xs">
                    <TypeLabel schema={p.schema} />
                  </Td>
                  <Td className="whitespace-normal text-xs">
                    {/* Contracts often describe a parameter on its schema instead. */}
                    {p.description ?? p.schema.description ?? ''}
                    {p.schema.enumValues ? (
                      <span className="block text-slate-500">one of {p.schema.enumValues.join(', ')}</span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </Section>
      ) : null}
      {operation.requestBody ? (
        <Section title={`Request body${operation.requestBody.required ? ' (required)' : ''}`}>
          {operation.requestBody.description ? (
            <p className="mb-2 text-xs text-slate-600">{operation.requestBody.description}</p>
          ) : null}
          <MediaTypes content={operation.requestBody.content} />
        </Section>
      ) : null}
      {operation.responses.length > 0 ? (
        <Section title="Responses">
          <ul className="space-y-3">
            {operation.responses.map((response) => (
              <li key={response.status} className="space-y-1">
                <p className="text-sm">
                  <code
                    className={`font-mono font-semibold ${response.status.startsWith('2') ? 'text-emerald-700' : response.status.startsWith('4') || response.status.startsWith('5') ? 'text-red-700' : 'text-slate-700'}`}
                  >
                    {response.status}
                  </code>
                  {response.description ? <span className="ml-2 text-slate-600">{response.description}</span> : null}
                </p>
                {response.content.length > 0 ? <MediaTypes content={response.content} /> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
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

function MediaTypes({ content }: { content: MediaModel[] }) {
  return (
    <div className="space-y-2">
      {content.map((media) => (
        <div key={media.mediaType} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-100">
          <p className="mb-1 font-mono text-[11px] text-slate-500">{media.mediaType}</p>
          {media.schema ? <SchemaView schema={media.schema} /> : null}
          {media.examples.length > 0 ? (
            <div className="mt-2 space-y-2">
              {media.examples.map((example) => (
                <figure key={example.label}>
                  <figcaption className="text-[11px] font-medium text-slate-500">{example.label}</figcaption>
                  {/* Rendered as text: React escapes it, so an example can never inject markup. */}
                  <pre className="mt-0.5 max-h-64 overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] text-slate-100">
                    {example.text}
                  </pre>
                </figure>
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  )
}
