import { cn } from './cn'

type Tone = 'gray' | 'green' | 'amber' | 'red' | 'blue' | 'violet'

const TONES: Record<Tone, string> = {
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
  blue: 'bg-brand-50 text-brand-700 ring-brand-600/20',
  violet: 'bg-violet-50 text-violet-700 ring-violet-600/20',
}

export function Badge({
  tone = 'gray',
  className,
  children,
}: {
  tone?: Tone
  className?: string
  children: React.ReactNode
}) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  )
}

const STATE_TONES: Record<string, Tone> = {
  DRAFT: 'gray',
  PUBLISHED: 'green',
  DEPRECATED: 'amber',
  RETIRED: 'red',
  PENDING: 'amber',
  ACTIVE: 'green',
  REJECTED: 'red',
  SUSPENDED: 'red',
  CANCELLED: 'gray',
  OPEN: 'red',
  RESOLVED: 'green',
  VALID: 'green',
  EXPIRED: 'amber',
  FAILED: 'red',
  NONE: 'gray',
}

/** A lifecycle or status badge with one colour per state everywhere in the console. */
export function StateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONES[state] ?? 'gray'}>{state.charAt(0) + state.slice(1).toLowerCase()}</Badge>
}
