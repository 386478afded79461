import Link from 'next/link'
import { formatCount } from '@/components/calls/format'
import type { TeamView } from '@/lib/analytics/team-scope'
import { formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'

/** The page's headline numbers; each opens what is behind it. */
export function IncidentSummary({ teamSlug, view, window, blockedCalls, revenueMicros, openIncidents, openHref }: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  blockedCalls: number
  revenueMicros: bigint
  openIncidents: number
  openHref: string
}) {
  const calls = callLogHref(teamSlug, { view, status: '402', from: window.from, to: window.to })
  const tiles = [
    { label: 'Open incidents', value: formatCount(openIncidents), href: openHref },
    { label: view === 'owner' ? 'Blocked calls to your APIs' : 'Your blocked calls', value: formatCount(blockedCalls), href: calls },
    {
      label: view === 'owner' ? 'Lost revenue' : 'Blocked spend',
      value: formatMicros(revenueMicros),
      detail: view === 'owner' ? 'What the blocked calls would have paid' : 'What the blocked calls would have cost',
      href: calls,
    },
  ]
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-3">
      {tiles.map((tile) => (
        <Link key={tile.label} href={tile.href} className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200 hover:ring-brand-500" data-summary={tile.label}>
          <dt className="text-xs font-medium text-slate-500">{tile.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{tile.value}</dd>
          {tile.detail ? <dd className="text-xs text-slate-500">{tile.detail}</dd> : null}
        </Link>
      ))}
    </dl>
  )
}
