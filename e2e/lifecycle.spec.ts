import { expect, test, type Page } from '@playwright/test'
import { createId } from '../lib/ids'
import { buildSearchText } from '../lib/apis/search-text'
import { asJson, shipmentsInvalid, shipmentsV1, shipmentsV11, swagger2 } from './fixtures/openapi-docs'
import { e2eDb, seedTeam, type SeededTeam } from './fixtures/seed-team'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { shot, signIn } from './fixtures/sign-in'

const UPSTREAM = `${DEMO_UPSTREAM}/echo`
const DAY_MS = 24 * 60 * 60 * 1000

/** YYYY-MM-DD, `days` after today (UTC), as the date input and the server read it. */
const dayAhead = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
/** How the catalog prints a date (components/catalog/format-labels.ts). */
const catalogDate = (day: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(day))

/** An API with one DRAFT version and a plan, straight into the database. */
async function seedDraftApi(team: SeededTeam, label: string) {
  const db = e2eDb()
  const slug = `${label}-${team.slug}`
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${team.slug}`
  const api = await db.api.create({
    data: {
      id: createId('api'),
      teamId: team.id,
      slug,
      name,
      visibility: 'INTERNAL',
      searchText: buildSearchText(name, '', []),
    },
  })
  const version = await db.apiVersion.create({
    data: {
      id: createId('ver'),
      apiId: api.id,
      teamId: team.id,
      version: 'v1',
      major: 1,
      openapi: asJson(shipmentsV1),
      upstreamUrl: UPSTREAM,
    },
  })
  await db.plan.create({ data: { id: createId('plan'), apiId: api.id, teamId: team.id, name: 'Free' } })
  return { id: api.id, slug, name, versionId: version.id }
}

const versionRow = (page: Page, label: string) => page.locator(`tr[data-version="${label}"]`)
// The owner's API page is in tabs (Overview, Versions, Plans, Settings, History).
async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'API sections' }).getByRole('link', { name }).click()
  await expect(page).toHaveURL(new RegExp(`tab=${name.toLowerCase()}`))
}

async function addVersion(page: Page, label: string, document: object) {
  await page.getByLabel('Version label').fill(label)
  await page.getByLabel('Upstream URL').fill(UPSTREAM)
  // Load the contract the way a user would: through the file picker.
  await page.getByLabel('OpenAPI file').setInputFiles({
    name: `shipments-${label}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(asJson(document)),
  })
  await expect(page.getByLabel('OpenAPI document (3.0 or 3.1, JSON or YAML)')).toHaveValue(/"title": "Shipments"/)
  await page.getByRole('button', { name: 'Add version' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`${label.replace('.', '\\.')}\\s*Draft`) })).toBeVisible()
}

test('[LIFECYCLE] an owner designs, publishes, overrides a breaking change and deprecates; another team sees it in the catalog', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const owner = await seedTeam('lifecycle')
  const consumer = await seedTeam('consumer')
  const suffix = owner.slug.split('-').pop()!
  const apiName = `Shipments ${suffix}`
  const searchWord = `waybill${suffix}`
  const sunset = dayAhead(14)

  await test.step('create the API', async () => {
    await signIn(page, owner.users.OWNER.email)
    await page.goto(`/t/${owner.slug}/apis`)
    await page.getByRole('link', { name: 'New API' }).first().click()
    await page.getByLabel('Name').fill(apiName)
    await expect(page.getByLabel('Slug')).toHaveValue(`shipments-${suffix}`)
    await page.getByLabel('Description').fill(`Track parcels from label to doorstep; every ${searchWord} in one place.`)
    await page.getByLabel('Tags').fill('logistics, tracking')
    await page.getByLabel('Visibility').selectOption('INTERNAL')
    await page.getByRole('button', { name: 'Create API' }).click()
    await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}/apis/shipments-${suffix}$`))
    await expect(page.getByRole('heading', { name: apiName })).toContainText('Draft')
    await expect(page.getByText('No versions yet.')).toBeVisible()
  })

  await test.step('add v1 from an uploaded OpenAPI file and a plan', async () => {
    await addVersion(page, 'v1', shipmentsV1)
    // The version page renders the uploaded contract.
    await expect(page.locator('[data-api-reference]').getByText('Track one shipment')).toBeVisible()
    await page.getByRole('link', { name: `← ${apiName}` }).click()
    await expect(versionRow(page, 'v1')).toContainText('Draft')

    await openTab(page, 'Plans')
    const planForm = page.getByRole('form', { name: 'New plan' })
    await planForm.getByLabel('Plan name').fill('Starter')
    await planForm.getByLabel('Description').fill('For trying it out')
    await planForm.getByLabel('Rate limit (requests)').fill('120')
    await planForm.getByRole('button', { name: 'Add plan' }).click()
    await expect(page.locator('tr[data-plan="Starter"]')).toContainText('120 / minute')
    await expect(page.locator('tr[data-plan="Starter"]')).toContainText('Active')
  })

  await test.step('publish v1: every check passes', async () => {
    await openTab(page, 'Versions')
    await versionRow(page, 'v1').getByRole('button', { name: 'Publish…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish v1' })
    const checks = dialog.getByRole('list', { name: 'Publish checks' })
    await expect(checks.getByRole('listitem')).toHaveCount(4)
    for (const item of await checks.getByRole('listitem').all()) await expect(item).toContainText('(passed)')
    await expect(checks).toContainText(`Upstream answers (${UPSTREAM})`)
    await expect(checks).toContainText('HTTP 200')
    await expect(checks).toContainText('1 active plan')
    await expect(checks).toContainText('First published version: nothing to compare')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(versionRow(page, 'v1')).toContainText('Published')
    await expect(page.getByRole('heading', { name: apiName })).toContainText('Published')
  })

  await test.step('add v1.1 with breaking changes under the same major', async () => {
    await addVersion(page, 'v1.1', shipmentsV11)
    await page.getByRole('link', { name: `← ${apiName}` }).click()
    await expect(versionRow(page, 'v1.1')).toContainText('Draft')
  })

  const overrideReason = `Mobile app 5.2 no longer reads eta; cancelling moved to the support desk (${suffix}).`
  await test.step('publishing v1.1 is refused until the override has a reason', async () => {
    await versionRow(page, 'v1.1').getByRole('button', { name: 'Publish…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish v1.1' })
    const checks = dialog.getByRole('list', { name: 'Publish checks' })
    await expect(checks.getByRole('listitem').filter({ hasText: 'Compatible with v1' })).toContainText('(failed)')
    await expect(checks).toContainText('3 breaking')
    const changes = dialog.getByRole('list', { name: 'Changes' })
    await expect(changes).toContainText('Operation DELETE /shipments/{shipmentId} was removed')
    await expect(changes).toContainText('Field `eta` was removed in the 200 response')
    await expect(changes.getByText('Breaking')).toHaveCount(3)

    const publish = dialog.getByRole('button', { name: 'Publish', exact: true })
    await expect(publish).toBeDisabled()
    await dialog.getByLabel('Publish anyway under major 1 (override)').check()
    await expect(publish).toBeDisabled()
    await dialog.getByLabel('Reason (recorded in the lifecycle history)').fill(overrideReason)
    await expect(publish).toBeEnabled()
    await publish.click()
    await expect(dialog).toBeHidden()
    await expect(versionRow(page, 'v1.1')).toContainText('Published')
    await expect(versionRow(page, 'v1')).toContainText('Published')

    await openTab(page, 'History')
    const override = page
      .getByRole('list', { name: 'Lifecycle history' })
      .getByRole('listitem')
      .filter({ hasText: 'Published with breaking changes (override)' })
    await expect(override).toContainText('v1.1')
    await expect(override).toContainText('Override: 3 breaking change(s) vs v1 under major 1.')
    await expect(override).toContainText(overrideReason)
    await expect(override).toContainText(owner.users.OWNER.email)
  })

  await test.step('deprecate v1 with a sunset date and v1.1 as successor', async () => {
    await openTab(page, 'Versions')
    await versionRow(page, 'v1').getByRole('button', { name: 'Deprecate…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Deprecate v1' })
    await expect(dialog.getByLabel('Sunset date')).toHaveValue(dayAhead(7))
    await dialog.getByLabel('Sunset date').fill(sunset)
    await dialog.getByLabel('Successor version').selectOption({ label: 'v1.1' })
    await dialog.getByRole('button', { name: 'Deprecate', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(versionRow(page, 'v1')).toContainText('Deprecated')
    await expect(versionRow(page, 'v1')).toContainText(sunset)
    await expect(versionRow(page, 'v1')).toContainText('→ v1.1')
    await openTab(page, 'History')
    await expect(page.getByRole('list', { name: 'Lifecycle history' }).getByRole('listitem').first()).toContainText(
      `Sunset ${sunset}, successor v1.1`,
    )
    await openTab(page, 'Versions')
    // At a 1400 px wide window, the versions table's action buttons are on screen, not scrolled away.
    await page.reload()
    await expect(versionRow(page, 'v1').getByRole('button', { name: 'Retire early…' })).toBeInViewport({ ratio: 1 })
    await expect(versionRow(page, 'v1.1').getByRole('button', { name: 'Deprecate…' })).toBeInViewport({ ratio: 1 })
    await shot(page, 'api-page')
  })

  await test.step('a member of another team finds it in the catalog and sees the deprecation', async () => {
    const context = await browser.newContext()
    const consumerPage = await context.newPage()
    await signIn(consumerPage, consumer.users.MEMBER.email)
    await consumerPage.goto('/catalog')
    await consumerPage.getByLabel('Search', { exact: true }).fill(searchWord)
    await consumerPage.getByRole('button', { name: 'Search' }).click()
    await expect(consumerPage).toHaveURL(new RegExp(`q=${searchWord}`))
    const cards = consumerPage.getByRole('list', { name: 'APIs' }).getByRole('listitem')
    await expect(cards).toHaveCount(1)
    await expect(cards).toContainText(apiName)
    await expect(cards).toContainText(`by ${owner.name}`)
    await expect(cards).toContainText('v1.1')
    await shot(consumerPage, 'catalog')

    await cards.getByRole('link', { name: apiName }).click()
    await expect(consumerPage.getByRole('heading', { level: 1, name: apiName })).toBeVisible()
    const versions = consumerPage.getByRole('navigation', { name: 'Versions' })
    await expect(versions.getByRole('link', { name: /v1\.1/ })).toHaveAttribute('aria-current', 'page')
    const reference = consumerPage.locator('[data-api-reference]')
    await expect(reference.getByText('/shipments/{shipmentId}')).toBeVisible()
    await expect(reference.getByText('Track one shipment')).toBeVisible()
    await expect(reference.getByText('Cancel a shipment before pickup')).toHaveCount(0)

    await versions.getByRole('link', { name: /^v1\s*Deprecated/ }).click()
    await expect(consumerPage).toHaveURL(/version=v1$/)
    const notice = consumerPage.getByRole('note').filter({ hasText: 'v1 is deprecated.' })
    await expect(notice).toContainText(`It will be retired on or after ${catalogDate(sunset)}`)
    await expect(notice.getByRole('link', { name: 'v1.1' })).toBeVisible()
    await expect(reference.getByText('Cancel a shipment before pickup')).toBeVisible()
    await shot(consumerPage, 'catalog-api')

    await notice.getByRole('link', { name: 'v1.1' }).click()
    await expect(consumerPage).toHaveURL(/version=v1\.1$/)
    await expect(consumerPage.getByRole('note').filter({ hasText: 'is deprecated' })).toHaveCount(0)
    await context.close()
  })
})

test('[LIFECYCLE] a viewer sees no publish controls and the server refuses a forged publish', async ({
  page,
  browser,
}) => {
  const team = await seedTeam('viewer')
  const api = await seedDraftApi(team, 'ledger')
  const apiPath = `/t/${team.slug}/apis/${api.slug}`

  // Record the owner's publish request (and stop it), to replay it with the viewer's session.
  const ownerContext = await browser.newContext()
  const ownerPage = await ownerContext.newPage()
  await signIn(ownerPage, team.users.OWNER.email)
  let forged: { headers: Record<string, string>; body: string } | undefined
  await ownerPage.route(`**${apiPath}?tab=versions`, async (route) => {
    const request = route.request()
    if (request.method() === 'POST' && request.postData()?.includes('overrideReason')) {
      forged = { headers: request.headers(), body: request.postData()! }
      return route.abort()
    }
    return route.continue()
  })
  await ownerPage.goto(`${apiPath}?tab=versions`)
  await versionRow(ownerPage, 'v1').getByRole('button', { name: 'Publish…' }).click()
  const dialog = ownerPage.getByRole('dialog', { name: 'Publish v1' })
  await expect(dialog.getByRole('list', { name: 'Publish checks' }).getByRole('listitem')).toHaveCount(4)
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
  await expect.poll(() => forged).toBeDefined()
  await ownerContext.close()

  await signIn(page, team.users.VIEWER.email)
  await page.goto(`/t/${team.slug}/apis`)
  await expect(page.locator(`tr[data-api="${api.slug}"]`)).toContainText('Draft')
  await expect(page.getByRole('link', { name: 'New API' })).toHaveCount(0)

  await page.goto(`${apiPath}?tab=versions`)
  await expect(versionRow(page, 'v1')).toContainText('Draft')
  await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Deprecate/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add version' })).toHaveCount(0)
  await expect(page.getByRole('form', { name: 'New plan' })).toHaveCount(0)

  const { cookie: _ownerCookie, ...headers } = forged!.headers
  const response = await page.request.post(apiPath, { headers, data: forged!.body })
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('Your role (viewer) cannot do this')
  const version = await e2eDb().apiVersion.findUniqueOrThrow({ where: { id: api.versionId } })
  expect(version.state).toBe('DRAFT')
  await page.reload()
  await expect(versionRow(page, 'v1')).toContainText('Draft')

  await page.goto(`/t/${team.slug}/apis/new`)
  await expect(page.getByText('You cannot create APIs')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create API' })).toHaveCount(0)
})

test('[LIFECYCLE] garbage OpenAPI uploads show errors by the field and create no version', async ({ page }) => {
  const team = await seedTeam('garbage')
  const db = e2eDb()
  const slug = `intake-${team.slug}`
  const api = await db.api.create({
    data: {
      id: createId('api'),
      teamId: team.id,
      slug,
      name: `Intake ${team.slug}`,
      searchText: `intake ${team.slug}`,
    },
  })
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/apis/${slug}?tab=versions`)
  await expect(page.getByText('No versions yet.')).toBeVisible()
  await page.getByLabel('Upstream URL').fill(UPSTREAM)

  const document = page.getByLabel('OpenAPI document (3.0 or 3.1, JSON or YAML)')
  const errors = page.getByRole('list', { name: 'OpenAPI errors' })
  const submit = async () => {
    await page.getByRole('button', { name: 'Add version' }).click()
    await expect(page.getByRole('button', { name: 'Add version' })).toBeEnabled()
  }

  // A PNG header followed by random bytes.
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  ])
  await page.getByLabel('OpenAPI file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await submit()
  await expect(page.locator('[data-form-error]')).toHaveText('The OpenAPI document has 1 error')
  await expect(errors).toContainText('The document is not text (binary content found); upload a JSON or YAML file')
  await expect(document).toHaveAttribute('aria-invalid', 'true')

  await document.fill('not: [valid')
  await submit()
  await expect(errors).toContainText('Invalid YAML')
  await expect(errors).not.toContainText('binary content')

  await page.getByLabel('OpenAPI file').setInputFiles({
    name: 'legacy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(asJson({ ...swagger2, swagger: '1.2' })),
  })
  await expect(document).toHaveValue(/"swagger": "1.2"/)
  await submit()
  await expect(errors.getByRole('listitem')).toHaveCount(1)
  await expect(errors.getByRole('listitem')).toContainText('/swagger')
  // Swagger 2.0 is converted (e2e/real-world-contracts.spec.ts); older versions are not.
  await expect(errors.getByRole('listitem')).toContainText('Only Swagger 2.0 can be converted (found "swagger": "1.2")')

  await document.fill(asJson(shipmentsInvalid))
  await submit()
  await expect(page.locator('[data-form-error]')).toHaveText('The OpenAPI document has 2 errors')
  const info = errors.getByRole('listitem').filter({ hasText: "must have required property 'version'" })
  await expect(info.getByRole('code')).toHaveText('/info')
  const response = errors.getByRole('listitem').filter({ hasText: "must have required property 'description'" })
  await expect(response.getByRole('code')).toHaveText('/paths/~1shipments/get/responses/200')

  await expect(page).toHaveURL(new RegExp(`/apis/${slug}\\?tab=versions$`))
  await page.reload()
  await expect(page.getByText('No versions yet.')).toBeVisible()
  expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
})

test('[LIFECYCLE] a member archives a plan and deletes a draft through their confirmation dialogs', async ({
  page,
}) => {
  const team = await seedTeam('confirm')
  const api = await seedDraftApi(team, 'parcels')
  await signIn(page, team.users.MEMBER.email)
  await page.goto(`/t/${team.slug}/apis/${api.slug}?tab=plans`)

  const plan = page.locator('tr[data-plan="Free"]')
  await expect(plan).toContainText('Active')
  await plan.getByRole('button', { name: 'Archive' }).click()
  await page.getByRole('dialog', { name: 'Archive plan “Free”' }).getByRole('button', { name: 'Archive' }).click()
  await expect(plan).toContainText('Archived')
  await expect(plan.getByRole('button', { name: 'Archive' })).toHaveCount(0)

  await openTab(page, 'Versions')
  await versionRow(page, 'v1').getByRole('button', { name: 'Delete draft' }).click()
  await page.getByRole('dialog', { name: 'Delete draft v1' }).getByRole('button', { name: 'Delete' }).click()
  await expect(versionRow(page, 'v1')).toHaveCount(0)
  await expect(page.getByText('No versions yet.')).toBeVisible()
  await openTab(page, 'History')
  await expect(page.getByRole('list', { name: 'Lifecycle history' })).toContainText('Draft deleted')

  const db = e2eDb()
  expect(await db.apiVersion.count({ where: { apiId: api.id } })).toBe(0)
  expect((await db.plan.findFirstOrThrow({ where: { apiId: api.id, teamId: team.id } })).archivedAt).not.toBeNull()
})
