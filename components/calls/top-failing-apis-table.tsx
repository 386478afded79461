import Link from 'next/link'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { FailingApi } from '@/lib/analytics/get-top-failing-apis'
import type { TeamView } from '@/lib/teams/team-view'
import { callLogHref } from '@/lib/calls/call-log-href'
import { formatCount, formatPercent } from '@/components/ui/format'

type Window = { from: Date; to: Date }

/** APIs with the most failed calls, each followed by its failing versions ("routes"). */
export function TopFailingApisTable({
  teamSlug,
  view,
  window,
  apis,
  filter,
}: {
  teamSlug: string
  view: TeamView
  window: Window
  apis: FailingApi[]
  /** The dashboard's consumer team, kept in every drill-down. */
  filter?: { consumerTeamId?: string }
}) {
  const href = (api: string, version?: string, status?: string) =>
    callLogHref(teamSlug, {
      view,
      api,
      version,
      status,
      from: window.from,
      to: window.to,
      consumer: filter?.consumerTeamId,
    })
  return (
    <Table>
      <thead>
        <tr>
          <Th>API / version</Th>
          <Th className="text-right">Calls</Th>
          <Th className="text-right">4xx</Th>
          <Th className="text-right">5xx</Th>
          <Th className="text-right">Error rate</Th>
        </tr>
      </thead>
      <TBody>
        {apis.flatMap((api) => {
          // The '' api id (calls that matched no API) has nothing to filter the log by.
          const link = (text: string, version?: string, status?: string) =>
            api.apiId ? (
              <Link href={href(api.apiId, version, status)} className="hover:underline">
                {text}
              </Link>
            ) : (
              text
            )
          return [
            <tr key={api.apiId} data-failing-api={api.name}>
              <Td className="font-medium text-slate-900">{link(api.name)}</Td>
              <Td className="text-right tabular-nums">{link(formatCount(api.calls))}</Td>
              <Td className="text-right tabular-nums text-amber-700">
                {link(formatCount(api.clientErrors), undefined, '4xx')}
              </Td>
              <Td className="text-right tabular-nums text-red-700">
                {link(formatCount(api.serverErrors), undefined, '5xx')}
              </Td>
              <Td className="text-right font-medium tabular-nums">
                {link(formatPercent(api.errorRate), undefined, 'errors')}
              </Td>
            </tr>,
            ...api.versions.map((v) => (
              <tr key={`${api.apiId}/${v.versionId}`} className="text-xs">
                <Td className="pl-8 text-slate-500">{link(v.version, v.versionId || undefined)}</Td>
                <Td className="text-right tabular-nums text-slate-500">{formatCount(v.calls)}</Td>
                <Td className="text-right tabular-nums text-slate-500">
                  {link(formatCount(v.clientErrors), v.versionId || undefined, '4xx')}
                </Td>
                <Td className="text-right tabular-nums text-slate-500">
                  {link(formatCount(v.serverErrors), v.versionId || undefined, '5xx')}
                </Td>
                <Td className="text-right tabular-nums text-slate-500">{formatPercent(v.errorRate)}</Td>
              </tr>
            )),
          ]
        })}
      </TBody>
    </Table>
  )
}
