import { db } from '@/lib/db'

/**
 * "owner/api" labels for API ids found on ledger entries and rollups. The APIs may belong to other
 * teams (a consumer's charges name the owner's API); only the public slug and name are read.
 * An id with no API left (deleted) is missing from the map.
 */
export async function getApiLabels(apiIds: Iterable<string>): Promise<Map<string, { label: string; name: string }>> {
  const ids = [...new Set(apiIds)].filter(Boolean)
  if (ids.length === 0) return new Map()
  const apis = await db.api.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, name: true, team: { select: { slug: true } } },
  })
  return new Map(apis.map((a) => [a.id, { label: `${a.team.slug}/${a.slug}`, name: a.name }]))
}
