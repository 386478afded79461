import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { CallCaptureCard } from '@/components/calls/call-capture-card'
import { CallDetailCard } from '@/components/calls/call-detail-card'
import { CallReplay } from '@/components/calls/call-replay'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { callLogHref } from '@/lib/calls/call-log-href'
import { getCallCapture } from '@/lib/calls/capture/get-call-capture'
import { getCall } from '@/lib/calls/get-call'
import { replayHref } from '@/lib/calls/replay-href'

export const metadata: Metadata = { title: 'Call details' }

export default async function CallPage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params
  const context = await requireTeamPage(slug)
  // Only the owner or the consumer of the call may see it; anyone else gets the same 404 as a wrong id.
  const call = await getCall(scopeOf(context), { callId: id })
  if (!call) notFound()
  const capture = await getCallCapture(scopeOf(context), call)
  const body = capture?.requestBody.truncated ? null : (capture?.requestBody.text ?? null)
  const replay =
    call.ownerTeam && call.api && call.version
      ? replayHref(
          { teamSlug: call.ownerTeam.slug, apiSlug: call.api.slug, version: call.version.version },
          { method: call.method, path: call.path, query: capture?.query ?? null, body },
        )
      : null

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
      <div className="space-y-6">
        <CallDetailCard teamSlug={context.team.slug} call={call} />
        <Card>
          <CardHeader
            title="Repeat this call"
            description="The key is left to $TOLLGATE_KEY: set it in your shell, or replay with one of your keys in the catalog's try-it."
          />
          <CardBody>
            <CallReplay
              replayHref={replay}
              call={{
                method: call.method,
                path: call.path,
                query: capture?.query ?? null,
                headers: capture?.requestHeaders ?? [],
                body,
              }}
            />
          </CardBody>
        </Card>
        <CallCaptureCard capture={capture} ownerView={call.viewerRole === 'owner'} />
      </div>
    </div>
  )
}
