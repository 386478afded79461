import { expect, test } from '@playwright/test'
import { stringify } from 'yaml'
import { buildSearchText } from '../lib/apis/search-text'
import { createId } from '../lib/ids'
import { largeContract } from '../lib/openapi/fixtures/large-contract'
import { refBomb } from '../lib/openapi/fixtures/ref-bomb'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { e2eDb, seedTeam, type SeededTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Contracts at the edges of what Tollgate accepts, through the real form and the production
// build: the validation worker runs from `next build`'s bundle here.

const UPSTREAM = `${DEMO_UPSTREAM}/echo`
const DOCUMENT = 'OpenAPI document (3.0 or 3.1, JSON or YAML)'

async function seedApi(team: SeededTeam, label: string) {
  const slug = `${label}-${team.slug}`
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${team.slug}`
  const api = await e2eDb().api.create({
    data: {
      id: createId('api'),
      teamId: team.id,
      slug,
      name,
      visibility: 'INTERNAL',
      searchText: buildSearchText(name, '', []),
    },
  })
  return { id: api.id, slug, name }
}

test('[CONTRACTS] a file over the 32 MB limit is refused by the field without posting; a 1.5 MB one is uploaded and rendered', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const team = await seedTeam('contracts')
  const api = await seedApi(team, 'large')
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/apis/${api.slug}?tab=versions`)
  await expect(page.getByText('No versions yet.')).toBeVisible()
  await page.getByLabel('Version label').fill('v1')
  await page.getByLabel('Upstream URL').fill(UPSTREAM)
  const posts: string[] = []
  page.on('request', (req) => {
    if (req.method() === 'POST') posts.push(req.url())
  })

  // The content does not matter: the field refuses it by its size, before reading it.
  const tooLarge = Buffer.alloc(33 * 1024 * 1024, 0x20)
  await page
    .getByLabel('OpenAPI file')
    .setInputFiles({ name: 'too-large.json', mimeType: 'application/json', buffer: tooLarge })
  const fieldError = page.locator('[data-field-error="openapi"]')
  await expect(fieldError).toHaveText(/^The file too-large\.json is 33 MB; a contract may be 32 MB at most$/)
  await expect(page.getByLabel(DOCUMENT)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel(DOCUMENT)).toHaveValue('') // the file was not loaded into the form
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(fieldError).toBeVisible()
  expect(posts).toEqual([])
  expect(await e2eDb().apiVersion.count({ where: { apiId: api.id } })).toBe(0)

  const large = JSON.stringify(largeContract(1_500_000, 'Large and fine'))
  expect(large.length).toBeGreaterThan(1_500_000)
  await page
    .getByLabel('OpenAPI file')
    .setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(large) })
  // Over the paste size, the file is sent as it is rather than loaded into the text box.
  await expect(page.locator('[data-chosen-file]')).toContainText('large.json, 1.')
  await expect(page.getByLabel(DOCUMENT)).toHaveValue('')
  await expect(fieldError).toHaveCount(0)
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(page.getByRole('heading', { name: /v1\s*Draft/ })).toBeVisible({ timeout: 30_000 })
  const reference = page.locator('[data-api-reference]')
  await expect(reference.locator('[data-operation="GET /things0"]')).toContainText('Get thing 0')
  await expect(reference.locator('[data-schema="Thing0"]')).toBeVisible()
  expect(posts.length).toBeGreaterThan(0)
  const stored = await e2eDb().apiVersion.findFirstOrThrow({ where: { apiId: api.id, teamId: team.id, version: 'v1' } })
  expect(stored.openapi).toBe(large)
})

test('[CONTRACTS] a reference bomb in YAML is saved, and its version and catalog pages stay small', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const team = await seedTeam('bombs')
  const api = await seedApi(team, 'bomb')
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/apis/${api.slug}?tab=versions`)
  await page.getByLabel('Version label').fill('v1')
  await page.getByLabel('Upstream URL').fill(UPSTREAM)
  await page.getByLabel(DOCUMENT).fill(stringify(refBomb(8)))
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(page.getByRole('heading', { name: /v1\s*Draft/ })).toBeVisible({ timeout: 30_000 })

  // The page is read again from scratch (YAML is parsed on the worker): bounded size, each schema once.
  const response = await page.reload()
  const html = await response!.text()
  expect(html.length).toBeLessThan(500_000)
  const reference = page.locator('[data-api-reference]')
  for (let level = 0; level < 8; level++) await expect(reference.locator(`[data-schema="S${level}"]`)).toHaveCount(1)
  await reference.locator('[data-operation="GET /boom"] summary').click()
  await reference.locator('[data-operation="GET /boom"]').getByRole('link', { name: 'S7' }).click()
  await expect(page).toHaveURL(/#schema-S7$/)
  await expect(reference.locator('[data-schema="S7"]').getByRole('link', { name: 'S6' }).first()).toBeVisible()

  // Published, it is what every team sees in the catalog, with try-it built from the same document.
  await e2eDb().apiVersion.updateMany({
    where: { apiId: api.id, teamId: team.id },
    data: { state: 'PUBLISHED', publishedAt: new Date() },
  })
  await e2eDb().api.update({ where: { id: api.id, teamId: team.id }, data: { state: 'PUBLISHED' } })
  const catalog = await page.goto(`/catalog/${team.slug}/${api.slug}`)
  expect((await catalog!.text()).length).toBeLessThan(500_000)
  await expect(page.locator('[data-api-reference]').locator('[data-schema="S0"]')).toHaveCount(1)
  await expect(page.locator('[data-api-reference]').locator('[data-operation="POST /boom"]')).toBeVisible()
})
