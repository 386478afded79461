import Link from 'next/link'
import { Badge, StateBadge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatMicros } from '@/lib/billing/money'
import type { CallDetail } from '@/lib/calls/get-call'
import { callLogHref } from '@/lib/calls/call-log-href'
import { causeLabel } from '@/lib/incidents/causes'
import { formatBytes, formatCount, formatMs, formatTime } from '@/components/ui/format'
import { CopyButton } from '@/components/ui/copy-button'
import { StatusBadge } from './status-badge'

/** Everything recorded about one call, grouped the way an operator debugs it. */
export function CallDetailCard({ teamSlug, call }: { teamSlug: string; call: CallDetail }) {
  const apiHref = call.apiId ? callLogHref(teamSlug, { view: call.viewerRole, api: call.apiId }) : null
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader title="Request" />
        <CardBody>
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
            <Row label="Request id">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-mono" data-request-id>
                  {call.requestId}
                </span>
                <CopyButton value={call.requestId} label="Copy request id" />
              </span>
            </Row>
            <Row label="Time">{formatTime(call.createdAt)}</Row>
            <Row label="Request">
              <span className="font-mono">
                {call.method} {call.path}
              </span>
            </Row>
            <Row label="Status">
              <StatusBadge status={call.status} />
              {call.errorCode ? <span className="ml-2 font-mono text-xs text-slate-600">{call.errorCode}</span> : null}
            </Row>
            <Row label="API">
              {call.api ? (
                apiHref ? (
                  <Link href={apiHref} className="text-brand-700 hover:underline">
                    {call.api.name}
                  </Link>
                ) : (
                  call.api.name
                )
              ) : (
                <Muted>No matching API</Muted>
              )}
              {call.version ? <span className="ml-1 text-slate-500">{call.version.version}</span> : null}
            </Row>
            <Row label="Owner team">{call.ownerTeam?.name ?? <Muted>Unknown</Muted>}</Row>
            <Row label="Consumer team">{call.consumerTeam?.name ?? <Muted>Unknown (no valid key)</Muted>}</Row>
            <Row label="Key">
              {call.key ? (
                <>
                  <span className="font-mono">{call.key.prefix}…</span>
                  {call.key.name ? <span className="ml-2 text-slate-500">{call.key.name}</span> : null}
                </>
              ) : (
                <Muted>None</Muted>
              )}
            </Row>
            {call.subscriptionId ? (
              <Row label="Subscription">
                {call.planName ? <span className="mr-2">{call.planName}</span> : null}
                <span className="font-mono text-xs text-slate-500">{call.subscriptionId}</span>
              </Row>
            ) : null}
            {call.payment ? (
              <PaymentRows teamSlug={teamSlug} payment={call.payment} incidentId={call.incidentId} />
            ) : null}
            <Row label="Bytes">
              {formatBytes(call.requestBytes)} in · {formatBytes(call.responseBytes)} out
            </Row>
            {call.model ? (
              <Row label="Model">
                <span className="font-mono">{call.model}</span>
                {call.provider ? <span className="ml-2 text-slate-500">served by {call.provider}</span> : null}
                {call.attempts > 1 ? (
                  <span className="ml-2 text-slate-500">after {call.attempts - 1} failed attempt(s)</span>
                ) : null}
              </Row>
            ) : null}
            {call.inputTokens || call.outputTokens ? (
              <Row label="Tokens">
                {formatCount(call.inputTokens)} in · {formatCount(call.outputTokens)} out
                {call.usageEstimated ? (
                  <span className="ml-2">
                    <Badge tone="amber">estimated</Badge>{' '}
                    <span className="text-xs text-slate-500">no usage from the provider; counted by the tokenizer</span>
                  </span>
                ) : null}
              </Row>
            ) : null}
            {call.ttftMs !== null ? <Row label="First token">{formatMs(call.ttftMs)}</Row> : null}
            <Row label="Cost">
              <CallCost call={call} />
            </Row>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Timing"
          description="Total latency at the gateway, split into the upstream's time and the gateway's own."
        />
        <CardBody className="space-y-4">
          <TimingBar call={call} />
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <Row label="Total">{formatMs(call.latencyMs)}</Row>
            <Row label="Upstream">
              {call.upstreamMs === null ? <Muted>Not reached</Muted> : formatMs(call.upstreamMs)}
            </Row>
            <Row label="Gateway">{formatMs(call.gatewayMs ?? call.latencyMs)}</Row>
          </dl>
        </CardBody>
      </Card>
    </div>
  )
}

/**
 * A charged call shows what it cost. A free call and one that was not billable (an error, a free
 * plan) both cost 0 and cannot be told apart here, so 0 shows as "—"; a 402 was blocked before
 * any charge, which its amount says.
 */
function CallCost({ call }: { call: CallDetail }) {
  if (call.costMicros > 0n) return <span className="tabular-nums">{formatMicros(call.costMicros, call.currency)}</span>
  if (call.status === 402)
    return (
      <>
        <span className="tabular-nums">{formatMicros(0n, call.currency)}</span> <Muted>(blocked, not charged)</Muted>
      </>
    )
  return <Muted>—</Muted>
}

function PaymentRows({
  teamSlug,
  payment,
  incidentId,
}: {
  teamSlug: string
  payment: NonNullable<CallDetail['payment']>
  incidentId: string | null
}) {
  return (
    <>
      <Row label="402 cause">
        {payment.cause ? (
          <>
            {causeLabel(payment.cause)} <span className="ml-1 font-mono text-xs text-slate-500">{payment.cause}</span>
          </>
        ) : (
          <Muted>Not recorded</Muted>
        )}
      </Row>
      {payment.incident ? (
        <Row label="Incident">
          <Link
            href={`/t/${teamSlug}/incidents/${payment.incident.id}`}
            className="mr-2 font-mono text-xs text-brand-700 hover:underline"
          >
            {payment.incident.id}
          </Link>
          <StateBadge state={payment.incident.state} />
        </Row>
      ) : incidentId ? (
        <Row label="Incident">
          <span className="font-mono text-xs text-slate-500">{incidentId}</span> <Muted>(no longer on record)</Muted>
        </Row>
      ) : null}
    </>
  )
}

function TimingBar({ call }: { call: CallDetail }) {
  const total = Math.max(call.latencyMs, 0.001)
  const upstream = call.upstreamMs === null ? 0 : Math.min(100, (call.upstreamMs / total) * 100)
  return (
    <div
      className="flex h-3 overflow-hidden rounded bg-slate-100"
      role="img"
      aria-label={`Upstream ${Math.round(upstream)}% of the total latency`}
    >
      <div className="bg-brand-500" style={{ width: `${upstream}%` }} />
      <div className="bg-amber-400" style={{ width: `${100 - upstream}%` }} />
    </div>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all text-slate-900">{children}</dd>
    </>
  )
}

const Muted = ({ children }: { children: React.ReactNode }) => <span className="text-slate-400">{children}</span>
