import { expect, test, type Page } from '@playwright/test'
import { buildSearchText } from '../lib/apis/search-text'
import { createId } from '../lib/ids'
import { circularContract } from '../lib/openapi/fixtures/circular'
import { readRealWorldContract } from '../lib/openapi/fixtures/real-world/read-real-world'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { e2eDb, seedTeam, type SeededTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Public contracts through the real version form, the upload route, the validation worker and
// the lazy reference page, in the production build.

const UPSTREAM = `${DEMO_UPSTREAM}/echo`
const DOCUMENT = 'OpenAPI document (3.0 or 3.1, JSON or YAML)'

async function seedApi(team: SeededTeam, label: string) {
  const slug = `${label}-${team.slug}`
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${team.slug}`
  await e2eDb().api.create({
    data: {
      id: createId('api'),
      teamId: team.id,
      slug,
      name,
      visibility: 'INTERNAL',
      searchText: buildSearchText(name, '', []),
    },
  })
  return { slug, name }
}

async function startVersion(page: Page, team: SeededTeam, apiSlug: string, label: string) {
  await page.goto(`/t/${team.slug}/apis/${apiSlug}?tab=versions`)
  await page.getByLabel('Version label').fill(label)
  await page.getByLabel('Upstream URL').fill(UPSTREAM)
}

test("[CONTRACTS] GitHub's 13 MB contract is uploaded with progress; its reference searches, deep-links and opens operations", async ({
  page,
}) => {
  test.setTimeout(180_000)
  const team = await seedTeam('github')
  const api = await seedApi(team, 'github')
  await signIn(page, team.users.MEMBER.email)
  await startVersion(page, team, api.slug, 'v1')
  const github = Buffer.from(readRealWorldContract('github-api'))
  await page
    .getByLabel('OpenAPI file')
    .setInputFiles({ name: 'api.github.com.json', mimeType: 'application/json', buffer: github })
  await expect(page.locator('[data-chosen-file]')).toContainText('api.github.com.json, 12.4 MB')
  await page.getByRole('button', { name: 'Add version' }).click()
  // The upload's progress, then the server's check (seconds for a document this size).
  await expect(page.locator('[data-upload-progress]')).toBeVisible()
  await expect(page.locator('[data-upload-progress="checking"]')).toHaveText(
    'Uploaded. Validating and indexing the contract…',
    { timeout: 60_000 },
  )
  await expect(page.getByRole('heading', { name: /v1\s*Draft/ })).toBeVisible({ timeout: 90_000 })

  const reference = page.locator('[data-api-reference]')
  await expect(reference.locator('[data-operation="GET /repos/{owner}/{repo}"]')).toContainText('Get a repository')
  const sidebar = page.getByRole('navigation', { name: 'Operations' })
  await sidebar.getByLabel('Search operations').fill('get a repository')
  const matches = sidebar.getByRole('list', { name: 'Matching operations' })
  await expect(matches.getByRole('link', { name: /Get a repository$/ })).toBeVisible()
  await sidebar.getByRole('button', { name: 'post' }).click() // the method filter: no POST matches
  await expect(matches.getByRole('link')).toHaveCount(0)
  await sidebar.getByRole('button', { name: 'post' }).click()
  await matches.getByRole('link', { name: /Get a repository$/ }).click()
  await expect(page).toHaveURL(/#repos\/get$/)
  const operation = page.locator('[id="repos/get"]')
  await expect(operation).toHaveAttribute('open', '')
  await expect(operation.locator('[data-parameter="owner"]')).toBeVisible()

  // The deep link, opened fresh, opens the same operation.
  const url = page.url()
  await page.goto('about:blank')
  await page.goto(url)
  await expect(page.locator('[id="repos/get"]')).toHaveAttribute('open', '')
  await expect(page.locator('[id="repos/get"]').locator('[data-parameter="repo"]')).toBeVisible()
  const stored = await e2eDb().apiVersion.findFirstOrThrow({ where: { teamId: team.id, api: { slug: api.slug } } })
  expect(Buffer.byteLength(stored.openapi)).toBe(github.length)
})

test('[CONTRACTS] a circular schema opens as a link to itself; a Swagger 2.0 contract is converted and says so', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const team = await seedTeam('circular')
  const api = await seedApi(team, 'circular')
  await signIn(page, team.users.MEMBER.email)
  await startVersion(page, team, api.slug, 'v1')
  await page.getByLabel(DOCUMENT).fill(JSON.stringify(circularContract, null, 2))
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(page.getByRole('heading', { name: /v1\s*Draft/ })).toBeVisible({ timeout: 30_000 })

  const reference = page.locator('[data-api-reference]')
  await reference.locator('[data-schema="Node"] summary').click()
  const self = reference.locator('[data-schema="Node"]').getByRole('link', { name: 'Node (circular)' })
  await expect(self).toBeVisible()
  await self.click()
  await expect(page).toHaveURL(/#schema-Node$/)
  // Through another schema: Person's employer is a Company, whose staff are people.
  await reference.locator('[id="getNode"] summary').click()
  await expect(reference.locator('[id="getNode"]').getByRole('link', { name: 'Node' })).toBeVisible()

  await startVersion(page, team, api.slug, 'v2')
  await page.getByLabel(DOCUMENT).fill(readRealWorldContract('petstore-swagger2'))
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(page.getByRole('heading', { name: /v2\s*Draft/ })).toBeVisible({ timeout: 30_000 })
  await expect(reference.locator('[data-converted]')).toHaveText(
    'Converted from Swagger 2.0 when it was saved; the original is kept with the version.',
  )
  await expect(reference.locator('[id="listPets"]')).toContainText('List all pets')
  await expect(page.getByLabel(DOCUMENT)).toHaveValue(/"swagger": "2.0"/) // the original, to edit
})
