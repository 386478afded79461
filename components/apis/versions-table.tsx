import Link from 'next/link'
import { StateBadge } from '@/components/ui/badge'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import { VersionActions, type VersionLifecycleActions, type VersionPermissions } from './version-actions'
import type { VersionCallerRow } from './version-callers'

type VersionRow = {
  id: string
  version: string
  state: 'DRAFT' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED'
  upstreamUrl: string
  publishedAt: Date | null
  sunsetAt: Date | null
  successorId: string | null
  updatedAt: Date
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '—')

export function VersionsTable({
  teamSlug,
  apiSlug,
  versions,
  permissions,
  earliestSunset,
  now,
  actions,
  callers,
}: {
  teamSlug: string
  apiSlug: string
  versions: VersionRow[]
  permissions: VersionPermissions
  earliestSunset: string
  now: Date
  actions: VersionLifecycleActions
  /** Per version id: the teams that called it in the last 7 days, shown before deprecating or retiring. */
  callers?: Record<string, VersionCallerRow[]>
}) {
  const published = versions.filter((v) => v.state === 'PUBLISHED').map((v) => ({ id: v.id, version: v.version }))
  const labelOf = (id: string | null) => versions.find((v) => v.id === id)?.version
  return (
    <Table>
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>State</Th>
          <Th>Upstream</Th>
          <Th>Published</Th>
          <Th>Sunset</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <TBody>
        {versions.map((v) => (
          <tr key={v.id} data-version={v.version}>
            <Td>
              <Link
                href={`/t/${teamSlug}/apis/${apiSlug}/versions/${v.id}`}
                className="font-mono font-semibold text-brand-700 hover:underline"
              >
                {v.version}
              </Link>
            </Td>
            <Td>
              <StateBadge state={v.state} />
            </Td>
            {/* max-width does not constrain a table cell, so the truncating box sits inside it. */}
            <Td className="font-mono text-xs">
              <span className="block max-w-48 truncate" title={v.upstreamUrl}>
                {v.upstreamUrl}
              </span>
            </Td>
            <Td className="text-xs">{day(v.publishedAt)}</Td>
            <Td className="text-xs">
              {day(v.sunsetAt)}
              {v.successorId ? (
                <span className="block text-slate-500">→ {labelOf(v.successorId) ?? 'successor'}</span>
              ) : null}
            </Td>
            <Td className="text-right">
              <VersionActions
                teamSlug={teamSlug}
                permissions={permissions}
                earliestSunset={earliestSunset}
                now={now.toISOString()}
                successors={published}
                version={{ id: v.id, version: v.version, state: v.state, sunsetAt: v.sunsetAt?.toISOString() ?? null }}
                actions={actions}
                callers={callers?.[v.id] ?? []}
              />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  )
}
