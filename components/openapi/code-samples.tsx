'use client'

import { useState } from 'react'
import { cn } from '@/components/ui/cn'
import { CopyButton } from '@/components/ui/copy-button'
import type { OperationModel } from '@/lib/openapi/build-reference-detail'
import { buildCodeSamples } from './build-code-samples'
import { useOrigin, useReferenceSettings } from './reference-settings'

/** The opened operation's code samples, one tab per language, with a copy button. */
export function CodeSamples({ operation }: { operation: OperationModel }) {
  const { basePath, ai } = useReferenceSettings()
  const origin = useOrigin()
  const [chosen, setChosen] = useState(0)
  if (basePath === null) return null
  const samples = buildCodeSamples(`${origin}${basePath}`, operation, ai)
  const sample = samples[Math.min(chosen, samples.length - 1)]
  return (
    <section data-code-samples>
      <div className="mb-1.5 flex flex-wrap items-center gap-1" role="tablist" aria-label="Code samples">
        {samples.map((s, index) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === sample.id}
            onClick={() => setChosen(index)}
            className={cn(
              'rounded px-2 py-1 text-xs font-medium',
              s.id === sample.id ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100',
            )}
          >
            {s.label}
          </button>
        ))}
        <span className="ml-auto">
          <CopyButton value={sample.code} label={`Copy ${sample.label}`} />
        </span>
      </div>
      <pre
        role="tabpanel"
        className="max-h-72 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-[11px] leading-relaxed text-slate-100"
        data-sample={sample.id}
      >
        {sample.code}
      </pre>
    </section>
  )
}
