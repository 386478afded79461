import Link from 'next/link'
import { formatCount, formatTime } from '@/components/ui/format'
import { StateBadge } from '@/components/ui/badge'
import { Money } from '@/components/ui/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { IncidentDetail } from '@/lib/incidents/get-incident'
import { CauseLabel } from './cause-label'

function duration(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000))
  if (minutes < 1) return 'under a minute'
  if (minutes < 120) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`
}

/** The incident's timeline facts, as a description list. */
export function IncidentFacts({ teamSlug, incident }: { teamSlug: string; incident: IncidentDetail }) {
  const owner = incident.view === 'owner'
  const facts: Array<[string, React.ReactNode]> = [
    ['State', <StateBadge key="state" state={incident.state} />],
    ['Cause', <CauseLabel key="cause" cause={incident.cause} />],
    [
      'API',
      <Link
        key="api"
        href={`/catalog/${incident.ownerTeam.slug}/${incident.api.slug}`}
        className="text-brand-700 hover:underline"
      >
        {incident.ownerTeam.slug}/{incident.api.slug}
      </Link>,
    ],
    [owner ? 'Consumer team' : 'API owner', owner ? incident.consumerTeam.name : incident.ownerTeam.name],
    ['First blocked call', formatTime(incident.firstSeenAt)],
    ['Last blocked call', formatTime(incident.lastSeenAt)],
    ['Duration', duration(incident.firstSeenAt, incident.lastSeenAt)],
    [
      'Blocked calls',
      <Link
        key="calls"
        href={callLogHref(teamSlug, { view: incident.view, incident: incident.id })}
        className="text-brand-700 hover:underline"
      >
        {formatCount(incident.blockedCalls)}
      </Link>,
    ],
    [owner ? 'Lost revenue' : 'Blocked spend', <Money key="revenue" micros={incident.blockedRevenueMicros} />],
  ]
  if (incident.state === 'RESOLVED') {
    facts.push(['Resolved', incident.resolvedAt ? formatTime(incident.resolvedAt) : '–'])
    facts.push(['Resolution', incident.resolution ?? '–'])
    if (incident.resolvedBy) facts.push(['Resolved by', `${incident.resolvedBy.name} (${incident.resolvedBy.email})`])
  }
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {facts.map(([label, value]) => (
        <div key={label} data-fact={label}>
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
