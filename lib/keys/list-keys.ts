import type { Prisma } from '@/generated/sqlite/client'
import { db } from '@/lib/db'
import { KEYS_PAGE_SIZE } from './schemas'
import { KEY_SELECT, toKeyOutput } from './to-key-output'

/**
 * The team's keys, newest first, never with their hash. Search matches the name or the display
 * prefix (SQLite's LIKE ignores ASCII case; PostgreSQL's matches case exactly).
 */
export async function listKeys({
  teamId,
  q,
  page = 1,
  pageSize = KEYS_PAGE_SIZE,
}: {
  teamId: string
  q?: string
  page?: number
  pageSize?: number
}) {
  const where: Prisma.ApiKeyWhereInput = {
    teamId,
    ...(q ? { OR: [{ name: { contains: q } }, { prefix: { contains: q.toLowerCase() } }] } : {}),
  }
  const now = Date.now()
  const [total, rows] = await Promise.all([
    db.apiKey.count({ where }),
    db.apiKey.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: KEY_SELECT,
    }),
  ])
  return {
    items: rows.map((row) => toKeyOutput(row, now)),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}
