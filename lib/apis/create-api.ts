import type { TeamScope } from '@/lib/auth/actor'
import { recordAuditChange } from '@/lib/audit/audit-context'
import { db, type Tx } from '@/lib/db'
import { invalid } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { createApiSchema, type CreateApiInput } from './schemas'
import { buildSearchText } from './search-text'

/** Creates an API (no versions yet, so its state is DRAFT), in the caller's transaction when given one. */
export async function createApi({ teamId }: TeamScope, input: CreateApiInput, tx?: Tx) {
  const data = createApiSchema.parse(input)
  const tags = data.tags ?? []
  const description = data.description ?? ''
  const taken = await (tx ?? db).api.findFirst({ where: { teamId, slug: data.slug }, select: { id: true } })
  if (taken) throw slugTaken()
  const insert = async (client: Tx) => {
    const api = await client.api.create({
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
    await recordAuditChange(
      { action: 'api.create', targetType: 'api', targetId: api.id, after: { ...data, description, tags } },
      client,
    )
    return api
  }
  try {
    return await (tx ? insert(tx) : db.$transaction(insert))
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
