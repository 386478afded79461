import Link from 'next/link'
import { cn } from './cn'

// The row of headline numbers above a dashboard. Every tile is a link: a number a user can read
// is a number they can drill into.

export type StatTile = { label: string; value: React.ReactNode; detail?: string; href: string }

export function StatTiles({ tiles, className }: { tiles: StatTile[]; className?: string }) {
  return (
    <dl className={cn('mb-6 grid gap-3', className)}>
      {tiles.map((tile) => (
        <Link
          key={tile.label}
          href={tile.href}
          className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 hover:ring-brand-500"
          data-summary={tile.label}
        >
          <dt className="text-xs font-medium text-slate-500">{tile.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{tile.value}</dd>
          {tile.detail ? <dd className="text-xs text-slate-500">{tile.detail}</dd> : null}
        </Link>
      ))}
    </dl>
  )
}
