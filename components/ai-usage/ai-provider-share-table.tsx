import Link from 'next/link'
import { formatCount, formatPercent } from '@/components/ui/format'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { AiProviderShare } from '@/lib/analytics/ai-usage/get-ai-provider-share'
import { formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

/** Which provider model served how much of the traffic; each number opens those calls. */
export function AiProviderShareTable({
  teamSlug,
  view,
  window,
  currency,
  providers,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  currency: string
  providers: AiProviderShare[]
}) {
  const href = (provider: string, fallback = false) =>
    callLogHref(teamSlug, {
      view,
      provider,
      attempts: fallback ? 'fallback' : undefined,
      from: window.from,
      to: window.to,
    })
  return (
    <Table>
      <thead>
        <tr>
          <Th>Served by</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Share</Th>
          <Th className="text-right">Via fallback</Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th className="text-right">Cost</Th>
        </tr>
      </thead>
      <TBody>
        {providers.map((p) => {
          const link = (text: string, fallback = false) => (
            <Link href={href(p.provider, fallback)} className="hover:underline">
              {text}
            </Link>
          )
          return (
            <tr key={p.provider} data-provider-row={p.provider}>
              <Td className="font-mono text-slate-900">
                {link(p.provider)}
                {p.providerName ? (
                  <span className="ml-1 font-sans text-xs text-slate-500">{p.providerName}</span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{link(formatCount(p.calls))}</Td>
              <Td className="text-right tabular-nums">{link(formatPercent(p.share))}</Td>
              <Td className="text-right tabular-nums">{link(formatCount(p.fallbackCalls), true)}</Td>
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
