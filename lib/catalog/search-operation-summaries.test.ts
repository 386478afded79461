// Integration: the catalog finds an API by a word that is only in one operation's summary of the
// contract it shows, through the real save path (the stored index), the real lifecycle (publish,
// a newer publish) and the real catalog search, on a real database. A draft's words stay private.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApi } from '@/lib/apis/create-api'
import { createVersion } from '@/lib/apis/create-version'
import { updateApi } from '@/lib/apis/update-api'
import { db } from '@/lib/db'
import { publishVersion } from '@/lib/lifecycle/publish-version'
import { petstoreV1 } from '@/lib/openapi/fixtures/petstore'
import { createPlan } from '@/lib/plans/create-plan'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { startTestUpstream } from '@/lib/testing/start-test-upstream'
import { searchCatalog } from './search-catalog'

let database: TestDatabase
let upstream: Awaited<ReturnType<typeof startTestUpstream>>
beforeAll(async () => {
  database = await setupTestDatabase()
  upstream = await startTestUpstream()
})
afterAll(async () => {
  await upstream?.close()
  await database?.cleanup()
})

/** Petstore with its first operation's summary replaced: the only place `word` appears. */
function contractWithSummary(summary: string): string {
  const document = structuredClone(petstoreV1) as { paths: Record<string, Record<string, { summary?: string }>> }
  const [firstPath] = Object.keys(document.paths)
  const [firstMethod] = Object.keys(document.paths[firstPath])
  document.paths[firstPath][firstMethod].summary = summary
  return JSON.stringify(document)
}

describe('the catalog searches the operation summaries of the contract it shows', () => {
  test('found by a word of one summary once published, not while a draft; a newer contract replaces the words', async () => {
    const { team, scope } = await createTestTeam()
    // Unique per run, so a shared database's other rows never match.
    const word = `defenestrate${team.id
      .slice(-8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`
    const later = `${word}again`
    const api = await createApi(scope, { name: 'Window Service', slug: 'windows', description: 'Panes and frames' })
    await createPlan(scope, { apiId: api.id, name: 'Free' })
    const found = async (q: string) =>
      (await searchCatalog({ teamIds: [team.id] }, { q })).items.map((item) => item.name)

    const v1 = await createVersion(scope, {
      apiId: api.id,
      version: 'v1',
      upstreamUrl: upstream.url,
      openapi: contractWithSummary(`Gently ${word} the widgets`),
    })
    expect(await found(word)).toEqual([]) // a draft: neither listed nor searched

    await publishVersion(scope, { versionId: v1.id })
    expect(await found(word)).toEqual(['Window Service'])
    expect(await found(`${word.toUpperCase()} widgets panes`)).toEqual(['Window Service'])

    // Editing the API's details keeps the contract's words.
    await updateApi(scope, { apiId: api.id, description: 'Panes, frames and sills' })
    expect(await found(`${word} sills`)).toEqual(['Window Service'])

    // A newer published version is what the catalog shows now: its words replace the old ones.
    const v2 = await createVersion(scope, {
      apiId: api.id,
      version: 'v2',
      upstreamUrl: upstream.url,
      openapi: contractWithSummary(`Quickly ${later} the widgets`),
    })
    await publishVersion(scope, { versionId: v2.id })
    expect(await found(later)).toEqual(['Window Service'])
    const stored = await db.api.findFirstOrThrow({
      where: { id: api.id, teamId: team.id },
      select: { searchText: true },
    })
    expect(stored.searchText.split(' ')).not.toContain(word)
    expect(stored.searchText.startsWith('window service panes, frames and sills')).toBe(true)
  })
})
