import Link from 'next/link'
import { cn } from '@/components/ui/cn'

/** A toggle made of links (view, time range): the choice lives in the URL and works without JS. */
export function SegmentedLinks({
  label,
  options,
}: {
  label: string
  options: Array<{ label: string; href: string; active: boolean }>
}) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md bg-white p-0.5 shadow-xs ring-1 ring-slate-200">
      {options.map((o) => (
        <Link
          key={o.href}
          href={o.href}
          aria-current={o.active ? 'page' : undefined}
          className={cn(
            'rounded px-3 py-1.5 text-sm font-medium',
            o.active ? 'bg-brand-600 text-white' : 'text-slate-600 hover:bg-slate-100',
          )}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  )
}
