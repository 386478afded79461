import Link from 'next/link'
import { formatCount, formatMs } from '@/components/ui/format'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { AiLatencyRow } from '@/lib/analytics/ai-usage/get-ai-latency-percentiles'
import type { Percentiles } from '@/lib/analytics/histogram-quantile'
import { callLogHref } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

/**
 * Total latency and time to first token per model or per provider model. A row opens its calls;
 * a percentile opens those at least that slow (TTFT percentiles too: the log filters on latency,
 * and a call is never faster overall than to its first token).
 */
export function AiLatencyTable({
  teamSlug,
  view,
  window,
  rows,
  by,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  rows: AiLatencyRow[]
  by: 'model' | 'provider'
}) {
  const href = (row: AiLatencyRow, slow?: number | null) =>
    callLogHref(teamSlug, {
      view,
      // The histograms hold only calls a provider served: refused and failed calls stay out.
      ai: 'served',
      from: window.from,
      to: window.to,
      ...(by === 'model' ? { model: row.name } : { provider: row.name }),
      ...(slow === null || slow === undefined ? {} : { slow }),
    })
  const cells = (row: AiLatencyRow, p: Percentiles) =>
    (['p50', 'p95', 'p99'] as const).map((q) => (
      <Td key={q} className="text-right tabular-nums">
        {p[q] === null ? (
          '–'
        ) : (
          <Link href={href(row, p[q])} className="hover:underline">
            {formatMs(p[q])}
          </Link>
        )}
      </Td>
    ))
  return (
    <Table>
      <thead>
        <tr>
          <Th>{by === 'model' ? 'Model' : 'Served by'}</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">Latency p50</Th>
          <Th className="text-right">p95</Th>
          <Th className="text-right">p99</Th>
          <Th className="text-right">TTFT p50</Th>
          <Th className="text-right">p95</Th>
          <Th className="text-right">p99</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.name} data-latency-row={row.name}>
            <Td className="font-mono text-slate-900">
              <Link href={href(row)} className="hover:underline">
                {row.name}
              </Link>
              {row.providerName ? (
                <span className="ml-1 font-sans text-xs text-slate-500">{row.providerName}</span>
              ) : null}
            </Td>
            <Td className="text-right tabular-nums">
              <Link href={href(row)} className="hover:underline">
                {formatCount(row.calls)}
              </Link>
            </Td>
            {cells(row, row.latency)}
            {cells(row, row.ttft)}
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
