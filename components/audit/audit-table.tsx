import { Badge } from '@/components/ui/badge'
import { formatTime } from '@/components/ui/format'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { AuditEntryOutput } from '@/lib/audit/schemas'
import { AuditChangeDiff } from './audit-change-diff'
import { ORIGIN_LABELS } from './audit-filters'

const ORIGIN_TONES = { CONSOLE: 'gray', API: 'blue', CONFIG: 'violet' } as const

/** One row an entry; its before/after opens in place (a <details>, so it works without script). */
export function AuditTable({ entries }: { entries: AuditEntryOutput[] }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>Origin</Th>
          <Th>Action</Th>
          <Th>Target</Th>
        </tr>
      </thead>
      <TBody>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
      </TBody>
    </Table>
  )
}

function AuditRow({ entry }: { entry: AuditEntryOutput }) {
  return (
    <>
      <tr data-audit-entry={entry.id}>
        <Td className="text-xs text-slate-500">{formatTime(entry.createdAt)}</Td>
        <Td>
          {entry.actor.email ?? 'unknown'}
          {entry.actor.tokenId ? (
            <span className="block text-xs text-slate-500">token {entry.actor.tokenId}</span>
          ) : null}
        </Td>
        <Td>
          <Badge tone={ORIGIN_TONES[entry.origin]}>{ORIGIN_LABELS[entry.origin]}</Badge>
        </Td>
        <Td className="font-mono text-xs">{entry.action}</Td>
        <Td className="text-xs">
          {entry.target.type ?? '—'} <span className="font-mono text-slate-500">{entry.target.id ?? ''}</span>
        </Td>
      </tr>
      <tr>
        <td colSpan={5} className="px-3 pb-2">
          <details>
            <summary className="cursor-pointer text-xs text-brand-700 hover:underline">
              Changes{entry.sourceIp ? ` · from ${entry.sourceIp}` : ''}
              {entry.userAgent ? ` · ${entry.userAgent.slice(0, 60)}` : ''}
            </summary>
            <div className="mt-2">
              <AuditChangeDiff before={entry.before} after={entry.after} />
            </div>
          </details>
        </td>
      </tr>
    </>
  )
}
