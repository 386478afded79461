import Link from 'next/link'
import { formatCount, formatTime } from '@/components/ui/format'
import { StateBadge } from '@/components/ui/badge'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { TeamView } from '@/lib/teams/team-view'
import type { FormAction } from '@/lib/auth/action-result'
import { Money } from '@/components/ui/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { IncidentRow } from '@/lib/incidents/incident-output'
import { CauseLabel } from './cause-label'
import { ResolveIncidentButton } from './resolve-incident-button'

const shortTime = (date: Date) => formatTime(date).replace(/:\d\d\.\d{3} UTC$/, '')

/**
 * The consumer's calls to any of our APIs over the episode (an open one runs until now), so what
 * it called around the 402s, paid or blocked, is there whatever the episode's age.
 */
function consumerCallsHref(teamSlug: string, incident: IncidentRow): string {
  const to = incident.state === 'OPEN' ? undefined : new Date(incident.lastSeenAt.getTime() + 1_000)
  return callLogHref(teamSlug, { view: 'owner', consumer: incident.consumerTeam.id, from: incident.firstSeenAt, to })
}

/**
 * One row per 402 episode; the API opens the incident, the count opens its blocked calls and, for
 * the owner, the consumer opens that team's calls to its APIs.
 */
export function IncidentsTable({
  teamSlug,
  view,
  incidents,
  canResolve,
  resolve,
}: {
  teamSlug: string
  view: TeamView
  incidents: IncidentRow[]
  canResolve: boolean
  resolve: FormAction<{ id: string }>
}) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>API</Th>
          {view === 'owner' ? <Th>Consumer</Th> : null}
          <Th>Cause</Th>
          <Th>State</Th>
          <Th>First seen (UTC)</Th>
          <Th>Last seen (UTC)</Th>
          <Th className="text-right">Blocked calls</Th>
          <Th className="text-right">{view === 'owner' ? 'Lost revenue' : 'Blocked spend'}</Th>
          <Th>Resolution</Th>
          {canResolve ? <Th /> : null}
        </tr>
      </thead>
      <TBody>
        {incidents.map((incident) => {
          const href = `/t/${teamSlug}/incidents/${incident.id}`
          return (
            <tr key={incident.id} className="hover:bg-slate-50" data-incident={incident.id}>
              <Td>
                <Link href={href} className="font-medium text-brand-700 hover:underline">
                  <span className="text-slate-500">{incident.ownerTeam.slug}/</span>
                  {incident.api.slug}
                </Link>
              </Td>
              {view === 'owner' ? (
                <Td>
                  <Link
                    href={consumerCallsHref(teamSlug, incident)}
                    className="hover:underline"
                    title="List this team's calls to your APIs during the episode"
                  >
                    {incident.consumerTeam.name}
                  </Link>
                </Td>
              ) : null}
              <Td>
                <CauseLabel cause={incident.cause} />
              </Td>
              <Td>
                <StateBadge state={incident.state} />
              </Td>
              <Td className="font-mono text-xs">{shortTime(incident.firstSeenAt)}</Td>
              <Td className="font-mono text-xs">{shortTime(incident.lastSeenAt)}</Td>
              <Td className="text-right tabular-nums">
                <Link
                  href={callLogHref(teamSlug, { view, incident: incident.id })}
                  className="hover:underline"
                  title="List the blocked calls"
                >
                  {formatCount(incident.blockedCalls)}
                </Link>
              </Td>
              <Td className="text-right tabular-nums">
                <Money micros={incident.blockedRevenueMicros} />
              </Td>
              <Td className="text-xs text-slate-600">
                <span className="block max-w-xs truncate" title={incident.resolution ?? undefined}>
                  {incident.resolution ?? <span className="text-slate-400">–</span>}
                </span>
              </Td>
              {canResolve ? (
                <Td className="text-right">
                  {incident.state === 'OPEN' ? (
                    <ResolveIncidentButton teamSlug={teamSlug} incidentId={incident.id} side={view} action={resolve} />
                  ) : null}
                </Td>
              ) : null}
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
