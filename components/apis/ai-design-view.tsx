import { Badge } from '@/components/ui/badge'
import type { AiDesign } from '@/lib/ai/console/ai-version-schemas'

/**
 * An AI chat version's models and routes as text, with no inputs: for published versions (their
 * models are part of the contract) and for members who may not edit.
 */
export function AiDesignView({
  design,
  modelNames,
  note,
}: {
  design: AiDesign | null
  modelNames: ReadonlyMap<string, string>
  note: string
}) {
  return (
    <div className="space-y-4" data-ai-design>
      <p className="text-sm text-slate-600">{note}</p>
      {!design || design.models.length === 0 ? <p className="text-sm text-slate-500">No models yet.</p> : null}
      <ul className="space-y-3">
        {design?.models.map((model) => (
          <li
            key={model.name}
            className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            data-exposed-model={model.name}
          >
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <code className="font-mono font-medium">{model.name}</code>
              <Badge>{model.strategy === 'WEIGHTED' ? 'weighted split' : 'fallback order'}</Badge>
              {design.defaultModel === model.name ? <Badge tone="green">default</Badge> : null}
            </p>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
              {model.targets.map((target, index) => (
                <li key={`${target.modelId}-${index}`}>
                  {modelNames.get(target.modelId) ?? 'a deleted model'}
                  {model.strategy === 'WEIGHTED' ? (
                    <span className="text-slate-500"> · weight {target.weight}</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  )
}
