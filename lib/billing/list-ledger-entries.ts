import type { LedgerKind } from '@/generated/sqlite/enums'
import type { Prisma } from '@/generated/sqlite/client'
import type { TeamReadScope } from '@/lib/auth/actor'
import { databaseUrl, db, isPostgresUrl } from '@/lib/db'
import { paginateOffset, type OffsetPage } from '@/lib/pagination/paginate-offset'
import { getApiLabels } from './get-api-labels'
import { LEDGER_PAGE_SIZE, type BillingListQuery } from './schemas'

const KINDS: LedgerKind[] = ['TOP_UP', 'CHARGE', 'REFUND', 'ADJUSTMENT']

/**
 * The ledger search: the description contains the text, or the text names a kind ("top-up",
 * "charge"…). Case-insensitive on both providers (SQLite's LIKE already ignores ASCII case).
 */
export function ledgerWhere(teamId: string, q?: string): Prisma.LedgerEntryWhereInput {
  if (!q) return { teamId }
  const word = q.toLowerCase().replace(/[^a-z]/g, '')
  const kinds = word.length >= 3 ? KINDS.filter((k) => k.toLowerCase().replace('_', '').startsWith(word)) : []
  const text = (
    isPostgresUrl(databaseUrl()) ? { contains: q, mode: 'insensitive' } : { contains: q }
  ) as Prisma.StringFilter
  return { teamId, OR: [{ description: text }, ...(kinds.length ? [{ kind: { in: kinds } }] : [])] }
}

export type LedgerRow = {
  id: string
  createdAt: Date
  kind: LedgerKind
  amountMicros: bigint
  currency: string
  description: string
  apiId: string | null
  apiLabel: string | null
}

export const LEDGER_ROW_SELECT = {
  id: true,
  createdAt: true,
  kind: true,
  amountMicros: true,
  currency: true,
  description: true,
  apiId: true,
} as const

/** Each row with its API's label ("team/api"), looked up for the whole page at once. */
export async function withApiLabels(rows: Array<Omit<LedgerRow, 'apiLabel'>>): Promise<LedgerRow[]> {
  const labels = await getApiLabels(rows.flatMap((r) => (r.apiId ? [r.apiId] : [])))
  return rows.map((r) => ({ ...r, apiLabel: r.apiId ? (labels.get(r.apiId)?.label ?? null) : null }))
}

/** One page of the team's ledger, newest first. */
export async function listLedgerEntries(
  { teamId }: TeamReadScope,
  { q, page, pageSize = LEDGER_PAGE_SIZE }: BillingListQuery = {},
): Promise<OffsetPage<LedgerRow>> {
  const where = ledgerWhere(teamId, q)
  const result = await paginateOffset(
    { page, pageSize },
    {
      count: () => db.ledgerEntry.count({ where }),
      findMany: (window) =>
        db.ledgerEntry.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          ...window,
          select: LEDGER_ROW_SELECT,
        }),
    },
  )
  return { ...result, items: await withApiLabels(result.items) }
}
