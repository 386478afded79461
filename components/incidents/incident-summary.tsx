import { StatTiles } from '@/components/ui/stat-tiles'
import { formatCount } from '@/components/ui/format'
import type { TeamView } from '@/lib/teams/team-view'
import { Money } from '@/components/ui/money'
import { callLogHref } from '@/lib/calls/call-log-href'

/** The page's headline numbers; each opens what is behind it. */
export function IncidentSummary({
  teamSlug,
  view,
  window,
  blockedCalls,
  revenueMicros,
  openIncidents,
  openHref,
}: {
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
    {
      label: view === 'owner' ? 'Blocked calls to your APIs' : 'Your blocked calls',
      value: formatCount(blockedCalls),
      href: calls,
    },
    {
      label: view === 'owner' ? 'Lost revenue' : 'Blocked spend',
      value: <Money micros={revenueMicros} />,
      detail: view === 'owner' ? 'What the blocked calls would have paid' : 'What the blocked calls would have cost',
      href: calls,
    },
  ]
  return <StatTiles tiles={tiles} className="sm:grid-cols-3" />
}
