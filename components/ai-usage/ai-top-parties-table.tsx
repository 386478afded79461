import Link from 'next/link'
import { formatCount } from '@/components/ui/format'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { AiTopParty } from '@/lib/analytics/ai-usage/get-ai-top-parties'
import { formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

/** Top consumer teams (owner view) or top AI APIs (consumer view) by cost and tokens. */
export function AiTopPartiesTable({
  teamSlug,
  view,
  window,
  currency,
  parties,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  currency: string
  parties: AiTopParty[]
}) {
  const href = (id: string) =>
    callLogHref(teamSlug, {
      view,
      ai: 'reached',
      from: window.from,
      to: window.to,
      ...(view === 'owner' ? { consumer: id } : { api: id }),
    })
  return (
    <Table>
      <thead>
        <tr>
          <Th>{view === 'owner' ? 'Consumer team' : 'AI API'}</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th className="text-right">{view === 'owner' ? 'Earned' : 'Spent'}</Th>
        </tr>
      </thead>
      <TBody>
        {parties.map((p) => {
          const link = (text: string) => (
            <Link href={href(p.id)} className="hover:underline">
              {text}
            </Link>
          )
          return (
            <tr key={p.id} data-party-row={p.name}>
              <Td className="font-medium text-slate-900">{link(p.name)}</Td>
              <Td className="text-right tabular-nums">{link(formatCount(p.calls))}</Td>
              <Td className="text-right tabular-nums">
                {link(`${formatCount(p.inputTokens)} / ${formatCount(p.outputTokens)}`)}
              </Td>
              <Td className="text-right tabular-nums">{link(formatMicros(p.costMicros, currency))}</Td>
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
