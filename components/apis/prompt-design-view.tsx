import { Badge } from '@/components/ui/badge'
import type { PromptVersionDesign } from '@/lib/ai/prompt/get-prompt-version-design'

/**
 * A prompt version's design as text, with no inputs: for published versions (their template is
 * part of the contract) and for members who may not edit.
 */
export function PromptDesignView({ design, note }: { design: PromptVersionDesign; note: string }) {
  return (
    <div className="space-y-4" data-prompt-design>
      <p className="text-sm text-slate-600">{note}</p>
      {design.systemTemplate ? <Part title="System template" text={design.systemTemplate} /> : null}
      <Part title="User template" text={design.userTemplate} />
      <section aria-label="Variables" className="space-y-1">
        <h3 className="text-sm font-medium text-slate-700">Variables</h3>
        {design.variables.length === 0 ? <p className="text-sm text-slate-500">None</p> : null}
        <ul className="space-y-1 text-sm">
          {design.variables.map((v) => (
            <li key={v.name} className="flex flex-wrap items-center gap-2" data-variable={v.name}>
              <code className="font-mono">{v.name}</code>
              <Badge>{v.type === 'enum' ? `enum: ${(v.values ?? []).join(' | ')}` : v.type}</Badge>
              {v.required ? (
                <Badge tone="amber">required</Badge>
              ) : (
                <span className="text-slate-500">default {v.default === undefined ? 'none' : String(v.default)}</span>
              )}
              {v.maxLength ? <span className="text-slate-500">≤ {v.maxLength} characters</span> : null}
              {v.description ? <span className="text-slate-600">{v.description}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">Runs on</dt>
        <dd>{design.runsOn.join(' → ') || '—'}</dd>
        <dt className="text-slate-500">Temperature</dt>
        <dd>{design.temperature ?? 'model default'}</dd>
        <dt className="text-slate-500">Max output tokens</dt>
        <dd>{design.maxOutputTokens ?? 'model default'}</dd>
      </dl>
      {design.outputSchema ? (
        <Part title="Output JSON Schema" text={JSON.stringify(design.outputSchema, null, 2)} />
      ) : null}
    </div>
  )
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-900 ring-1 ring-slate-200">
        {text}
      </pre>
    </section>
  )
}
