import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { createApiSchema, type CreateApiInput } from './schemas'
import { buildSearchText } from './search-text'

/** Creates an API (no versions yet, so its state is DRAFT). */
export async function createApi({ teamId }: TeamScope, input: CreateApiInput) {
  const data = createApiSchema.parse(input)
  const tags = data.tags ?? []
  const description = data.description ?? ''
  const taken = await db.api.findFirst({ where: { teamId, slug: data.slug }, select: { id: true } })
  if (taken) throw slugTaken()
  try {
    return await db.api.create({
      data: {
        id: createId('api'),
        teamId,
        slug: data.slug,
        name: data.name,
        description,
        kind: data.kind,
        visibility: data.visibility,
        searchText: buildSearchText(data.name, description, tags),
        tags: { create: tags.map((tag) => ({ id: createId('tag'), tag })) },
      },
      select: { id: true, slug: true, name: true },
    })
  } catch (error) {
    // Two creates racing for the same slug: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw slugTaken()
    throw error
  }
}

const slugTaken = () =>
  invalid(
    'That slug is already used by another API of this team',
    { slug: ['This slug is already taken'] },
    'slug_taken',
  )

/** What a saved API answers with (create and update alike). */
export type SavedApi = Awaited<ReturnType<typeof createApi>>
