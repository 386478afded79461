import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { AuditFilters } from '@/components/audit/audit-filters'
import { AuditTable } from '@/components/audit/audit-table'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { CursorPagination, withParams } from '@/components/ui/pagination'
import { listAuditEntries } from '@/lib/audit/list-audit-entries'
import { AUDIT_PAGE_SIZE, auditQueryToParams, parseAuditQuery } from '@/lib/audit/schemas'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'

export const metadata: Metadata = { title: 'Audit log' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

// Owners and admins only (team.manage): for anyone else the page does not exist, as a team you
// are not in does not.
export default async function AuditPage({ params, searchParams }: Props) {
  const { team: slug } = await params
  const context = await requireTeamPage(slug)
  if (!context.can('team.manage')) notFound()
  const query = parseAuditQuery(await searchParams)
  const page = await listAuditEntries(scopeOf(context), { ...query, pageSize: AUDIT_PAGE_SIZE })
  const basePath = `/t/${context.team.slug}/audit`
  const current = auditQueryToParams(query)
  const filtered = Object.values(current).some(Boolean)

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Audit log"
        description="Every change to this team, from the console, the management API or a config apply, newest first. Secrets are never recorded. Times are UTC."
      />
      <AuditFilters basePath={basePath} query={query} />
      {page.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No entries match these filters' : 'No changes recorded yet'}
          description="Each change anyone makes to this team appears here at once."
        />
      ) : (
        <>
          <AuditTable entries={page.items} />
          <CursorPagination
            prevHref={page.prevCursor ? withParams(basePath, current, { before: page.prevCursor }) : null}
            nextHref={page.nextCursor ? withParams(basePath, current, { cursor: page.nextCursor }) : null}
          />
        </>
      )}
    </div>
  )
}
