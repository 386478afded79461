import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CallDetailCard } from '@/components/calls/call-detail-card'
import { ButtonLink } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/card'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { callLogHref } from '@/lib/calls/call-log-href'
import { getCall } from '@/lib/calls/get-call'

export const metadata: Metadata = { title: 'Call details' }

export default async function CallPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params
  const context = await requireTeamPage(slug)
  // Only the owner or the consumer of the call may see it; anyone else gets the same 404 as a wrong id.
  const call = await getCall(scopeOf(context), { callId: id })
  if (!call) notFound()

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={`${call.method} ${call.status}`}
        description={<span className="font-mono">{call.requestId}</span>}
        actions={
          <ButtonLink href={callLogHref(context.team.slug, { view: call.viewerRole })} variant="secondary">
            Back to the call log
          </ButtonLink>
        }
      />
      <CallDetailCard teamSlug={context.team.slug} call={call} />
    </div>
  )
}
