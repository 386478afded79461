import { causeLabel } from '@/lib/incidents/causes'

/** The human label with the machine code the 402 body carries, so both can be searched for. */
export function CauseLabel({ cause }: { cause: string }) {
  return (
    <span>
      {causeLabel(cause)}
      <code className="ml-1.5 font-mono text-xs text-slate-500">{cause}</code>
    </span>
  )
}
