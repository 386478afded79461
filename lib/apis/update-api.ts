import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { notFound } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { updateApiSchema, type UpdateApiInput } from './schemas'
import { refreshApiSearchText } from './refresh-api-search-text'

/** Edits an API's metadata; the slug and kind stay fixed. Keeps searchText in step. */
export async function updateApi({ teamId }: TeamScope, input: UpdateApiInput, inTx?: Tx) {
  const { apiId, tags, ...fields } = updateApiSchema.parse(input)
  const update = async (tx: Tx) => {
    const api = await tx.api.findFirst({ where: { id: apiId, teamId }, select: { id: true } })
    if (!api) throw notFound('API')
    if (tags) {
      await tx.apiTag.deleteMany({ where: { apiId, api: { teamId } } })
      await tx.apiTag.createMany({ data: tags.map((tag) => ({ id: createId('tag'), apiId, tag })) })
    }
    const updated = await tx.api.update({
      where: { id: apiId, teamId },
      data: fields,
      select: { id: true, slug: true, name: true },
    })
    await refreshApiSearchText(tx, teamId, apiId)
    return updated
  }
  return inTx ? update(inTx) : db.$transaction(update)
}
