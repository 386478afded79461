import Link from 'next/link'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatCount, formatPercent } from '@/components/ui/format'
import { StatTiles } from '@/components/ui/stat-tiles'
import { Table, TBody, Td, Th } from '@/components/ui/table'
import type { ApiOverview } from '@/lib/apis/get-api-overview'
import { OVERVIEW_DAYS } from '@/lib/apis/get-api-overview'
import { formatMicros } from '@/lib/billing/money'
import { callLogHref } from '@/lib/calls/call-log-href'

/** The Overview tab: the last 30 days of one API, every number a link into its calls. */
export function ApiOverviewPanel({
  teamSlug,
  apiId,
  currency,
  overview,
  versions,
}: {
  teamSlug: string
  apiId: string
  currency: string
  overview: ApiOverview
  versions: Array<{ id: string; version: string; state: string }>
}) {
  const window = { view: 'owner' as const, api: apiId, from: overview.from, to: overview.to }
  return (
    <div className="space-y-6">
      <StatTiles
        className="grid-cols-2 lg:grid-cols-4"
        tiles={[
          {
            label: 'Calls',
            value: formatCount(overview.calls),
            detail: `last ${OVERVIEW_DAYS} days`,
            href: callLogHref(teamSlug, window),
          },
          {
            label: 'Error rate',
            value: formatPercent(overview.errorRate),
            detail: `${formatCount(overview.errors)} 4xx and 5xx`,
            href: callLogHref(teamSlug, { ...window, status: 'errors' }),
          },
          {
            label: 'Consumers',
            value: formatCount(overview.consumers.length),
            detail: 'teams with calls',
            href: callLogHref(teamSlug, window),
          },
          {
            label: 'Revenue',
            value: formatMicros(overview.revenueMicros, currency),
            detail: `last ${OVERVIEW_DAYS} days`,
            href: `/t/${encodeURIComponent(teamSlug)}/billing`,
          },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Consumers" description={`Teams that called this API in the last ${OVERVIEW_DAYS} days.`} />
          <CardBody>
            {overview.consumers.length === 0 ? (
              <p className="text-sm text-slate-500">No consumer has called this API yet.</p>
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>Team</Th>
                    <Th className="text-right">Calls</Th>
                    <Th className="text-right">Errors</Th>
                    <Th className="text-right">Revenue</Th>
                  </tr>
                </thead>
                <TBody>
                  {overview.consumers.map((c) => (
                    <tr key={c.teamId} data-consumer={c.name}>
                      <Td>
                        <Link
                          href={callLogHref(teamSlug, { ...window, consumer: c.teamId })}
                          className="text-brand-700 hover:underline"
                        >
                          {c.name}
                        </Link>
                      </Td>
                      <Td className="text-right tabular-nums">{formatCount(c.calls)}</Td>
                      <Td className="text-right tabular-nums">{formatCount(c.errors)}</Td>
                      <Td className="text-right tabular-nums">{formatMicros(c.revenueMicros, currency)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Traffic by version" description={`Calls in the last ${OVERVIEW_DAYS} days.`} />
          <CardBody>
            <Table>
              <thead>
                <tr>
                  <Th>Version</Th>
                  <Th>State</Th>
                  <Th className="text-right">Calls</Th>
                </tr>
              </thead>
              <TBody>
                {versions.map((v) => (
                  <tr key={v.id} data-version-traffic={v.version}>
                    <Td>
                      <Link
                        href={callLogHref(teamSlug, { ...window, version: v.id })}
                        className="font-mono text-brand-700 hover:underline"
                      >
                        {v.version}
                      </Link>
                    </Td>
                    <Td className="text-xs">{v.state.toLowerCase()}</Td>
                    <Td className="text-right tabular-nums">{formatCount(overview.callsByVersion.get(v.id) ?? 0)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          </CardBody>
        </Card>
      </div>
    </div>
  )
}
