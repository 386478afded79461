import type { Prisma } from '@/generated/sqlite/client'

/**
 * An API as every catalog view shows it: a card in the list and the header of its page. Never the
 * upstream URL or anything else only the owning team may see.
 */
export const CATALOG_API_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  kind: true,
  visibility: true,
  state: true,
  updatedAt: true,
  team: { select: { slug: true, name: true } },
  tags: { select: { tag: true }, orderBy: { tag: 'asc' } },
} satisfies Prisma.ApiSelect

export type CatalogApiRow = Prisma.ApiGetPayload<{ select: typeof CATALOG_API_SELECT }>
