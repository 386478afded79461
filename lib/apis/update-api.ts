import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { updateApiSchema, type UpdateApiInput } from './schemas'
import { buildSearchText } from './search-text'

/** Edits an API's metadata; the slug and kind stay fixed. Keeps searchText in step. */
export async function updateApi({ teamId }: TeamScope, input: UpdateApiInput) {
  const { apiId, tags, ...fields } = updateApiSchema.parse(input)
  return db.$transaction(async (tx) => {
    const api = await tx.api.findFirst({ where: { id: apiId, teamId }, include: { tags: { select: { tag: true } } } })
    if (!api) throw notFound('API')
    const name = fields.name ?? api.name
    const description = fields.description ?? api.description
    const nextTags = tags ?? api.tags.map((t) => t.tag)
    if (tags) {
      await tx.apiTag.deleteMany({ where: { apiId, api: { teamId } } })
      await tx.apiTag.createMany({ data: tags.map((tag) => ({ id: createId('tag'), apiId, tag })) })
    }
    return tx.api.update({
      where: { id: apiId, teamId },
      data: { ...fields, searchText: buildSearchText(name, description, nextTags) },
      select: { id: true, slug: true, name: true },
    })
  })
}
