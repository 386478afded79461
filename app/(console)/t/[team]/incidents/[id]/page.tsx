import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CallsTable } from '@/components/calls/calls-table'
import { IncidentFacts } from '@/components/incidents/incident-facts'
import { NextStep } from '@/components/incidents/next-step'
import { ResolveIncidentButton } from '@/components/incidents/resolve-incident-button'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, EmptyState, PageHeader } from '@/components/ui/card'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { callLogHref } from '@/lib/calls/call-log-href'
import { listCalls } from '@/lib/calls/list-calls'
import { parseCallLogQuery } from '@/lib/calls/schemas'
import { causeLabel, nextStepFor } from '@/lib/incidents/causes'
import { getIncident } from '@/lib/incidents/get-incident'
import { resolveIncidentAction } from '../actions'

export const metadata: Metadata = { title: 'Payment incident' }

const BLOCKED_CALLS_SHOWN = 20

export default async function IncidentPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params
  const context = await requireTeamPage(slug)
  const scope = scopeOf(context)
  const incident = await getIncident(scope, { incidentId: id })
  if (!incident) notFound()
  const calls = await listCalls(scope, {
    ...parseCallLogQuery({ view: incident.view, incident: incident.id }),
    pageSize: BLOCKED_CALLS_SHOWN,
  })
  const step = nextStepFor(incident.cause, {
    view: incident.view,
    consumerSlug: incident.consumerTeam.slug,
    ownerSlug: incident.ownerTeam.slug,
    apiSlug: incident.api.slug,
    ownerContactEmail: incident.ownerContactEmail,
  })
  const allCalls = callLogHref(context.team.slug, { view: incident.view, incident: incident.id })
  const open = incident.state === 'OPEN'

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title={`${causeLabel(incident.cause)} on ${incident.ownerTeam.slug}/${incident.api.slug}`}
        description={
          <>
            Incident <code className="font-mono">{incident.id}</code> ·{' '}
            {incident.view === 'owner' ? `calls from ${incident.consumerTeam.name} to your API` : 'your calls'} · times
            in UTC
          </>
        }
        actions={
          <>
            <ButtonLink href={`/t/${context.team.slug}/incidents`} variant="secondary">
              All incidents
            </ButtonLink>
            {open && context.can('incidents.write') ? (
              <ResolveIncidentButton
                teamSlug={context.team.slug}
                incidentId={incident.id}
                side={incident.view}
                action={resolveIncidentAction}
              />
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader title="Timeline" />
          <CardBody>
            <IncidentFacts teamSlug={context.team.slug} incident={incident} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={open ? 'What to do next' : 'Resolved'} />
          <CardBody>
            <NextStep step={step} resolved={!open} />
          </CardBody>
        </Card>
      </div>
      <section className="space-y-3" aria-labelledby="blocked-heading">
        <div className="flex items-end justify-between gap-2">
          <h2 id="blocked-heading" className="text-sm font-semibold text-slate-900">
            Blocked calls
          </h2>
          {calls.nextCursor ? (
            <ButtonLink href={allCalls} variant="secondary" size="sm">
              All blocked calls in the call log
            </ButtonLink>
          ) : null}
        </div>
        {calls.items.length === 0 ? (
          <EmptyState
            title="No blocked calls left in the log"
            description="Raw calls are pruned after the retention period; the counts above come from the incident itself."
          />
        ) : (
          <CallsTable teamSlug={context.team.slug} calls={calls.items} />
        )}
      </section>
    </div>
  )
}
