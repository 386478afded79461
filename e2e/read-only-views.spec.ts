import { expect, test, type Locator, type Page } from '@playwright/test'
import { seedInvokeApi } from './fixtures/seed-invoke'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { DEMO_PASSWORD } from './fixtures/console-pages'
import { shot, signIn } from './fixtures/sign-in'

// A viewer reads a version's upstream, timeout and contract, an API's plans and the team's budget
// as text: no inputs to click into, no Save button. An owner of the same team gets the forms.

const editable = 'input:not([type="hidden"]), textarea, select'

const card = (page: Page, title: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { name: title, exact: true }) })

async function expectReadOnly(page: Page, area: Locator) {
  await expect(area.locator('[data-read-only]')).toBeVisible()
  await expect(area.locator(editable)).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0)
}

test('[READ-ONLY] a viewer sees the version, the plans and the budget as text, an owner the forms', async ({
  browser,
}) => {
  // Three pages as a viewer, three as an owner, on a shared 2-core machine.
  test.setTimeout(150_000)
  const team = await seedTeam('readonly')
  const api = await seedInvokeApi(team)
  await e2eDb().billingAccount.update({
    where: { teamId: team.id },
    data: { monthlyBudgetMicros: 25_000_000n, alertThresholds: '50,90', creditLimitMicros: 2_000_000n },
  })
  const versionUrl = `/t/${team.slug}/apis/${api.slug}/versions/${api.versionId}`
  const plansUrl = `/t/${team.slug}/apis/${api.slug}?tab=plans`
  const billingUrl = `/t/${team.slug}/billing`

  const viewer = await (await browser.newContext()).newPage()
  await signIn(viewer, team.users.VIEWER.email)

  await viewer.goto(versionUrl)
  const version = card(viewer, 'Version')
  await expectReadOnly(viewer, version)
  const fields = version.locator('[data-read-only]')
  await expect(fields).toContainText('Upstream URL')
  await expect(fields).toContainText(api.upstreamPrefix)
  await expect(fields).toContainText('30,000 ms')
  await expect(fields.locator('[data-contract]')).toContainText('"operationId": "sayHello"')
  await expect(viewer.locator('main textarea')).toHaveCount(0)
  await shot(viewer, 'read-only-version')

  await viewer.goto(plansUrl)
  const plans = viewer.locator('main')
  await expect(plans.locator('[data-plan="Free"]')).toContainText('600 / minute')
  await expect(plans.locator('[data-plan="Partner"]')).toContainText('Manual')
  await expect(plans.locator(editable)).toHaveCount(0)
  await expect(plans.getByRole('link', { name: /Edit plan/ })).toHaveCount(0)
  await expect(plans.getByRole('form', { name: 'New plan' })).toHaveCount(0)
  // A viewer who follows an owner's edit link still gets no form.
  await viewer.goto(`${plansUrl}&editPlan=${api.plans.free.id}`)
  await expect(viewer.locator('[data-plan="Free"]')).toBeVisible()
  await expect(plans.locator(editable)).toHaveCount(0)
  await expect(plans.locator('[data-read-only]')).toContainText('Only members who can edit APIs')
  await shot(viewer, 'read-only-plans')

  await viewer.goto(billingUrl)
  const budget = card(viewer, 'Budget and limits')
  await expectReadOnly(viewer, budget)
  await expect(budget.locator('[data-read-only]')).toContainText('25.00 USD')
  await expect(budget.locator('[data-read-only]')).toContainText('50%, 90%')
  await expect(budget.locator('[data-read-only]')).toContainText('2.00 USD')
  await expect(viewer.getByRole('form', { name: 'Budget and limits' })).toHaveCount(0)
  await shot(viewer, 'read-only-billing')

  const owner = await (await browser.newContext()).newPage()
  await signIn(owner, team.users.OWNER.email)
  await owner.goto(versionUrl)
  await expect(owner.getByLabel('Upstream URL')).toHaveValue(new RegExp(`${api.upstreamPrefix}$`))
  await expect(owner.getByRole('button', { name: 'Save as new draft version' })).toBeVisible()
  await owner.goto(plansUrl)
  await expect(owner.getByRole('form', { name: 'New plan' })).toBeVisible()
  await owner.goto(billingUrl)
  await expect(owner.getByRole('form', { name: 'Budget and limits' }).getByLabel('Monthly budget (USD)')).toHaveValue(
    '25.00',
  )
})

test('[READ-ONLY] an AI chat version shows its models and routes as text to a viewer and once published', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  // The demo's acme/assistant v1 is published: even its owner reads the routes, with no inputs.
  const version = await e2eDb().apiVersion.findFirstOrThrow({
    where: { version: 'v1', api: { slug: 'assistant', team: { slug: 'acme' } } },
    select: { id: true },
  })
  const page = await (await browser.newContext()).newPage()
  await signIn(page, 'viewer@acme.test', DEMO_PASSWORD)
  await page.goto(`/t/acme/apis/assistant/versions/${version.id}`)
  const routes = card(page, 'Models and routes (fixed)')
  await expect(routes.locator('[data-ai-design]')).toBeVisible()
  await expect(routes.locator('[data-exposed-model]').first()).toBeVisible()
  await expect(routes.locator('[data-ai-design]')).toContainText('demo-gpt')
  await expect(routes.locator(editable)).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0)
  await shot(page, 'read-only-ai-version')
})
