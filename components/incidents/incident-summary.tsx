import { StatTiles } from '@/components/ui/stat-tiles'
import { formatChange, formatCount, formatWindow } from '@/components/ui/format'
import type { DashboardFilter } from '@/lib/analytics/dashboard-window'
import type { TeamView } from '@/lib/teams/team-view'
import { Money } from '@/components/ui/money'
import { formatCents } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'

/** The page's headline numbers; each opens what is behind it. */
export function IncidentSummary({
  teamSlug,
  view,
  window,
  blockedCalls,
  revenueMicros,
  previous,
  openIncidents,
  openHref,
  filter,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  filter?: DashboardFilter
  blockedCalls: number
  revenueMicros: bigint
  /** The same figures over the period of the same length just before. */
  previous: { blockedCalls: number; revenueMicros: bigint }
  openIncidents: number
  openHref: string
}) {
  const calls = callLogHref(teamSlug, {
    view,
    status: '402',
    from: window.from,
    to: window.to,
    api: filter?.apiId,
    consumer: filter?.consumerTeamId,
  })
  const cents = (micros: number) => formatCents(Math.round(micros))
  // Every tile and the list below read the same window; the tiles say which.
  const period = formatWindow(window)
  const tiles = [
    { label: 'Open incidents', value: formatCount(openIncidents), detail: 'Open now', href: openHref },
    {
      label: view === 'owner' ? 'Blocked calls to your APIs' : 'Your blocked calls',
      value: formatCount(blockedCalls),
      detail: `${period}; ${formatChange(blockedCalls, previous.blockedCalls)}`,
      href: calls,
    },
    {
      label: view === 'owner' ? 'Lost revenue' : 'Blocked spend',
      value: <Money micros={revenueMicros} />,
      detail: `${view === 'owner' ? 'What the blocked calls would have paid' : 'What the blocked calls would have cost'}, ${period}; ${formatChange(Number(revenueMicros), Number(previous.revenueMicros), cents)}`,
      href: calls,
    },
  ]
  return <StatTiles tiles={tiles} className="sm:grid-cols-3" />
}
