import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { formatMicros } from '@/lib/billing/money'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { CallRow } from '@/lib/calls/list-calls'
import { formatBytes, formatMs, formatTime } from '@/components/ui/format'
import { StatusBadge } from './status-badge'

/** The call log page: one row per call, each opening its details. */
export function CallsTable({ teamSlug, calls }: { teamSlug: string; calls: CallRow[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Time (UTC)</Th>
          <Th>Method</Th>
          <Th>Path</Th>
          <Th>API</Th>
          <Th>Status</Th>
          <Th className="text-right">Latency</Th>
          <Th>Model</Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th className="text-right">Cost</Th>
          <Th className="text-right">In / out</Th>
          <Th>Key</Th>
        </tr>
      </thead>
      <TBody>
        {calls.map((call) => {
          const href = `/t/${teamSlug}/calls/${call.id}`
          return (
            <tr key={call.id} className="hover:bg-slate-50" data-call={call.requestId}>
              <Td className="font-mono text-xs">
                <Link href={href} className="text-brand-700 hover:underline">
                  {formatTime(call.createdAt).replace(' UTC', '')}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{call.method}</Td>
              <Td className="font-mono text-xs">
                <Link href={href} title={call.path} className="block max-w-xs truncate hover:underline">
                  {call.path}
                </Link>
              </Td>
              <Td>
                {call.apiName ?? <span className="text-slate-400">–</span>}
                {call.version ? <span className="ml-1 text-xs text-slate-500">{call.version}</span> : null}
              </Td>
              <Td>
                <StatusBadge status={call.status} />
                {call.errorCode ? (
                  <span className="ml-1.5 font-mono text-xs text-slate-500">{call.errorCode}</span>
                ) : null}
              </Td>
              <Td className="text-right tabular-nums">{formatMs(call.latencyMs)}</Td>
              <Td className="text-xs">
                {call.model ? (
                  <>
                    <span className="font-mono" data-model>
                      {call.model}
                    </span>
                    {call.provider && call.provider !== call.model ? (
                      <p className="font-mono text-slate-500">via {call.provider}</p>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-400">–</span>
                )}
              </Td>
              <Td className="text-right text-xs tabular-nums">
                {call.model ? (
                  <>
                    <span data-tokens>
                      {call.inputTokens.toLocaleString('en-US')} / {call.outputTokens.toLocaleString('en-US')}
                    </span>
                    {call.usageEstimated ? (
                      <span title="No usage came from the provider; counted by the tokenizer">
                        <Badge tone="amber" className="ml-1">
                          estimated
                        </Badge>
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="text-slate-400">–</span>
                )}
              </Td>
              <Td className="text-right text-xs tabular-nums">
                {call.costMicros > 0n ? (
                  <span data-cost>{formatMicros(call.costMicros)}</span>
                ) : (
                  <span className="text-slate-400">–</span>
                )}
              </Td>
              <Td className="text-right text-xs tabular-nums text-slate-500">
                {formatBytes(call.requestBytes)} / {formatBytes(call.responseBytes)}
              </Td>
              <Td className="font-mono text-xs">
                {call.keyPrefix ? `${call.keyPrefix}…` : <span className="text-slate-400">–</span>}
              </Td>
            </tr>
          )
        })}
      </TBody>
    </Table>
  )
}
