import { readFile } from 'node:fs/promises'
import { expect, request, test, type Locator } from '@playwright/test'
import { createId } from '../lib/ids'
import { callGateway, seedInvokeApi, seedKey, seedSubscription } from './fixtures/seed-invoke'
import { reloadUntil } from './fixtures/reload-until'
import { e2eDb, seedTeam } from './fixtures/seed-team'
import { shot, signIn } from './fixtures/sign-in'

// The dashboards as a Konnect or Stripe user reads them: axes that say what they measure and never
// repeat a label, every chart's numbers as a table and a CSV, a custom range compared with the
// period before, filters that the drill-downs keep, the call log's streamed CSV export, a top-up
// that asks first, and an owner's incidents page opening on the owner's side.

async function axisLabels(figure: Locator): Promise<string[]> {
  return figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
}

test('[DASHBOARDS] the errors dashboard reads clearly, compares with the previous period and keeps its filters in every drill-down', async ({
  page,
}) => {
  const owner = await seedTeam('dash-owner')
  const consumer = await seedTeam('dash-consumer')
  const otherConsumer = await seedTeam('dash-other-consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  await seedSubscription(api, owner, otherConsumer, 'ACTIVE')
  const key = await seedKey(consumer, 'dashboards')
  const otherKey = await seedKey(otherConsumer, 'dashboards')
  // A probe between two other teams answers 200 only once the gateway holds everything above.
  const probeOwner = await seedTeam('dash-probe-owner')
  const probeConsumer = await seedTeam('dash-probe-consumer')
  const probe = await seedInvokeApi(probeOwner)
  await seedSubscription(probe, probeOwner, probeConsumer, 'ACTIVE')
  const probeKey = await seedKey(probeConsumer, 'probe')
  await expect.poll(async () => (await callGateway(`${probe.gatewayUrl}/hello`, probeKey.value)).status).toBe(200)
  const hello = `${api.gatewayUrl}/hello`
  for (const url of [hello, hello, hello, `${hello}?status=404`, `${hello}?status=503`]) {
    expect((await callGateway(url, key.value)).status).toBe(Number(new URL(url).searchParams.get('status') ?? 200))
  }
  expect((await callGateway(hello, otherKey.value)).status).toBe(200)

  await signIn(page, owner.users.MEMBER.email)
  await page.goto(`/t/${owner.slug}/errors`)
  const total = page.locator('[data-summary="Total calls"]')
  await reloadUntil(page, () => expect(total).toHaveText(/Total calls\s*6(?!\d)/, { timeout: 1_000 }))
  await expect(total).toContainText('none in the previous period')

  await test.step('axes state their units and never repeat a label; the table view and CSV hold the series', async () => {
    const classes = page.getByRole('figure', { name: /Requests by status class/ })
    const latency = page.getByRole('figure', { name: /Latency percentiles/ })
    await expect(page.getByText('Calls per hour · time in UTC')).toBeVisible()
    await expect(page.getByText(/^Milliseconds \(ms\), log scale/)).toBeVisible()
    for (const figure of [classes, latency]) {
      await expect(
        figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first(),
      ).toBeVisible()
      const labels = await axisLabels(figure)
      expect(labels.length).toBeGreaterThan(2)
      expect(new Set(labels).size, labels.join(', ')).toBe(labels.length)
    }
    // Counts step by whole numbers.
    expect((await axisLabels(classes)).every((label) => /^\d[\d,]*$/.test(label))).toBe(true)

    const table = page.locator('[data-chart-table]').first()
    await table.getByText('Table view').click()
    const rows = table.getByRole('row')
    await expect(rows).toHaveCount(25)
    await expect(table.getByRole('columnheader')).toHaveText(['Hour (UTC)', '2xx', '3xx', '4xx', '5xx'])
    await shot(page, 'dashboards-errors-table-view')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('requests-by-status-class.csv')
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n')
    expect(csv[0]).toBe('Hour (UTC),2xx,3xx,4xx,5xx')
    expect(csv).toHaveLength(25)
    const sums = csv.slice(1).reduce(
      (sum, line) =>
        sum +
        line
          .split(',')
          .slice(1)
          .map(Number)
          .reduce((a, b) => a + b),
      0,
    )
    expect(sums).toBe(6)
  })

  await test.step('a custom range compares with the period just before', async () => {
    const form = page.getByRole('form', { name: 'Date range and filters' })
    const from = new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 16)
    const to = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16)
    await form.getByLabel('From (UTC)').fill(from)
    await form.getByLabel('To (UTC)').fill(to)
    await form.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/range=custom/)
    await expect(total).toHaveText(/Total calls\s*6(?!\d)/)
    await expect(page.locator('[data-summary="Server errors (5xx)"]')).toContainText('none in the previous period')
    await expect(page.getByRole('navigation', { name: 'Time range' }).locator('[aria-current="page"]')).toHaveCount(0)
    await shot(page, 'dashboards-errors-custom-range')
  })

  await test.step('narrowed to one consumer team and API, every figure and its drill-down hold the same calls', async () => {
    const form = page.getByRole('form', { name: 'Date range and filters' })
    await form.getByLabel('API').selectOption({ label: api.name })
    await form.getByLabel('Consumer team').selectOption({ label: consumer.name })
    await form.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(new RegExp(`api=${api.id}.*consumer=${consumer.id}`))
    await expect(total).toHaveText(/Total calls\s*5(?!\d)/)
    await expect(page.locator('[data-summary="Server errors (5xx)"]')).toHaveText(/Server errors \(5xx\)\s*1(?!\d)/)
    await shot(page, 'dashboards-errors-filtered-by-consumer')
    await total.click()
    await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}/calls\\?.*api=${api.id}.*consumer=${consumer.id}`))
    await expect(page.locator('tbody tr')).toHaveCount(5)
  })
})

test('[DASHBOARDS] the call log exports every matching row as a streamed CSV, beyond one page and one batch', async ({
  page,
}) => {
  const owner = await seedTeam('export-owner')
  const consumer = await seedTeam('export-consumer')
  const db = e2eDb()
  const apiId = createId('api')
  // A name a spreadsheet would run as a formula: the export must neutralise it.
  await db.api.create({ data: { id: apiId, teamId: owner.id, slug: 'sums', name: '=SUM(A1:A9)' } })
  const now = Date.now()
  const rows = Array.from({ length: 1_260 }, (_, i) => ({
    id: createId('inv'),
    requestId: createId('req'),
    createdAt: new Date(now - 60_000 - i * 1_000),
    ownerTeamId: owner.id,
    consumerTeamId: consumer.id,
    apiId,
    method: 'GET',
    path: `/gw/${owner.slug}/sums/v1/${i}`,
    // 1,150 successes and 110 server errors.
    status: i % 12 === 11 ? 500 : 200,
    latencyMs: 5 + (i % 40),
  }))
  await db.invocation.createMany({ data: rows })
  const successes = rows.filter((r) => r.status === 200).length

  await signIn(page, owner.users.VIEWER.email)
  await page.goto(`/t/${owner.slug}/calls?status=2xx`)
  await expect(page.locator('tbody tr')).toHaveCount(50)
  await shot(page, 'dashboards-call-log-export')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^calls-${owner.slug}-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.csv$`))
  const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n')
  expect(lines[0]).toMatch(/^time_utc,request_id,method,path,status,/)
  expect(lines).toHaveLength(successes + 1)
  expect(new Set(lines.slice(1).map((line) => line.split(',')[1])).size).toBe(successes)
  expect(lines.slice(1).every((line) => line.split(',')[4] === '200')).toBe(true)
  expect(lines[1]).toContain("'=SUM(A1:A9)")

  // A signed-out client is sent to sign in, and a team one is not in is a problem+json 404.
  const signedOut = await request.newContext({ baseURL: process.env.E2E_BASE_URL })
  const anonymous = await signedOut.get(`/t/${owner.slug}/calls/export.csv`, { maxRedirects: 0 })
  expect([302, 303, 307, 401]).toContain(anonymous.status())
  expect(await anonymous.text()).not.toContain('time_utc')
  await signedOut.dispose()
  const foreign = await page.request.get(`/t/${consumer.slug}/calls/export.csv`)
  expect(foreign.status()).toBe(404)
  expect(foreign.headers()['content-type']).toContain('application/problem+json')
})

test('[DASHBOARDS] a top-up states the amount and the card before charging; amounts outside the limits are field errors', async ({
  page,
}) => {
  const team = await seedTeam('topup')
  await e2eDb().billingAccount.update({
    where: { teamId: team.id },
    data: { paymentMethodStatus: 'VALID', paymentMethodLabel: 'Visa •••• 4242' },
  })
  await signIn(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/billing`)
  const topUp = page.getByRole('form', { name: 'Top up' })
  const amount = topUp.getByLabel('Amount (USD)')
  for (const [value, message] of [
    ['4.99', 'At least 5 per top-up'],
    ['0.001', 'At least 5 per top-up'],
    ['100001', 'At most 100000 per top-up'],
  ]) {
    await amount.fill(value)
    await topUp.getByRole('button', { name: 'Top up' }).click()
    await expect(topUp.locator('[data-field-error="amount"]')).toHaveText(message)
    await expect(topUp.locator('[data-top-up-review]')).toHaveCount(0)
  }
  await shot(page, 'dashboards-top-up-below-minimum')

  await amount.fill('25.505')
  await amount.press('Enter')
  const review = topUp.locator('[data-top-up-review]')
  await expect(review).toContainText('Charge $25.505 to Visa •••• 4242 and add it to the prepaid balance?')
  await expect(amount).toHaveAttribute('readonly', '')
  await shot(page, 'dashboards-top-up-confirm')
  await topUp.getByRole('button', { name: 'Confirm top-up of $25.505' }).click()
  await expect(topUp.locator('[data-form-success]')).toHaveText('Added $25.505. New balance: $25.505.')
  // The summary shows cents; the exact amount is one hover away, and exact in the ledger.
  const balance = page.locator('[data-summary="Balance"]')
  await expect(balance).toContainText('$25.51')
  await expect(balance.locator('[title="$25.505"]')).toBeVisible()
  await expect(page.locator('#ledger')).toContainText('$25.505')
  await shot(page, 'dashboards-money-cents-and-exact')
})

test("[DASHBOARDS] an API owner's incidents page opens on the owner's side, its tiles and list in one window", async ({
  page,
}) => {
  const owner = await seedTeam('inc-owner')
  const consumer = await seedTeam('inc-consumer')
  const api = await seedInvokeApi(owner)
  // The owner subscribes to an API of the consumer's too: it has both sides.
  const theirs = await seedInvokeApi(consumer)
  await seedSubscription(theirs, consumer, owner, 'ACTIVE')
  const db = e2eDb()
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000)
  const incident = (state: 'OPEN' | 'RESOLVED', lastSeen: number) =>
    db.paymentIncident.create({
      data: {
        id: createId('inc'),
        consumerTeamId: consumer.id,
        ownerTeamId: owner.id,
        apiId: api.id,
        cause: 'insufficient_balance',
        state,
        firstSeenAt: hoursAgo(lastSeen + 1),
        lastSeenAt: hoursAgo(lastSeen),
        blockedCalls: 4,
        blockedRevenueMicros: 1_004_000n,
        ...(state === 'RESOLVED' ? { resolvedAt: hoursAgo(lastSeen), resolution: 'Top-up' } : {}),
      },
    })
  await incident('OPEN', 50)
  await incident('RESOLVED', 80)

  await signIn(page, owner.users.MEMBER.email)
  await page.goto(`/t/${owner.slug}/incidents`)
  await expect(page.getByRole('navigation', { name: 'Side' }).locator('[aria-current="page"]')).toHaveText('As owner')
  await expect(page.locator('[data-summary="Open incidents"]')).toContainText('1')
  // The 24-hour list: the open episode (open is now), not the one resolved three days ago.
  const list = page.locator('tbody tr')
  await expect(list).toHaveCount(1)
  await expect(list.first()).toContainText('$1.00')
  await expect(list.first().locator('[title="$1.004"]')).toBeVisible()
  await shot(page, 'dashboards-incidents-owner-default')
  await page.getByRole('navigation', { name: 'Time range' }).getByRole('link', { name: '7 d' }).click()
  await expect(list).toHaveCount(2)
  await shot(page, 'dashboards-incidents-7d')
})

test("[DASHBOARDS] grouped by key, an owner reads its consumers' keys by team and prefix and a consumer its own by name; billing's custom range compares and refuses a reversed range", async ({
  page,
}) => {
  const owner = await seedTeam('group-owner')
  const consumer = await seedTeam('group-consumer')
  const api = await seedInvokeApi(owner)
  await seedSubscription(api, owner, consumer, 'ACTIVE')
  const production = await seedKey(consumer, 'Production secret name')
  const staging = await seedKey(consumer, 'Staging secret name')
  const hello = `${api.gatewayUrl}/hello`
  await expect.poll(async () => (await callGateway(hello, production.value)).status).toBe(200)
  for (let i = 0; i < 3; i++) expect((await callGateway(hello, production.value)).status).toBe(200)
  for (let i = 0; i < 2; i++) expect((await callGateway(hello, staging.value)).status).toBe(200)
  const byKey = { [production.prefix]: 4, [staging.prefix]: 2 }

  await signIn(page, owner.users.MEMBER.email)
  await page.goto(`/t/${owner.slug}/errors?group=key`)
  const total = page.locator('[data-summary="Total calls"]')
  await reloadUntil(page, () => expect(total).toHaveText(/Total calls\s*6(?!\d)/, { timeout: 1_000 }))
  const figure = page.getByRole('figure', { name: /Requests by key/ })
  await expect(page.getByRole('navigation', { name: 'Group requests by' }).locator('[aria-current="page"]')).toHaveText(
    'Key',
  )
  const table = page.locator('[data-chart-table]').first()
  await table.getByText('Table view').click()
  const headers = await table.getByRole('columnheader').allTextContents()
  // The owner sees the consumer's team and the key's prefix, never the key's name.
  expect(headers.slice(1).sort()).toEqual(
    [`${consumer.name} · ${production.prefix}…`, `${consumer.name} · ${staging.prefix}…`].sort(),
  )
  await expect(page.getByText('secret name')).toHaveCount(0)
  await shot(page, 'dashboards-errors-group-by-key')

  await figure.locator('.recharts-bar-rectangle path').first().click()
  await expect(page).toHaveURL(/\/calls\?.*key=key_/)
  const keyId = new URL(page.url()).searchParams.get('key')
  const prefix = keyId === production.id ? production.prefix : staging.prefix
  await expect(page.locator('tbody tr')).toHaveCount(byKey[prefix])

  await test.step('the consumer groups its billing cost by key and reads its keys by name', async () => {
    await page.context().clearCookies()
    await signIn(page, consumer.users.OWNER.email)
    await page.goto(`/t/${consumer.slug}/errors?view=consumer&group=key`)
    const legend = page.getByRole('figure', { name: /Requests by key/ })
    await expect(legend).toContainText(`Production secret name (${production.prefix}…)`)
    await page.goto(`/t/${consumer.slug}/billing?group=key`)
    await expect(page.getByRole('navigation', { name: 'Group cost by' }).locator('[aria-current="page"]')).toHaveText(
      'Key',
    )
    await expect(page.getByRole('heading', { name: 'Cost per day by key' })).toBeVisible()
  })

  await test.step('billing: a reversed range is a field error; a custom range compares with the period before', async () => {
    const form = page.getByRole('form', { name: 'Date range and filters' })
    await form.getByLabel('From (UTC)').fill(new Date(Date.now() + 3_600_000).toISOString().slice(0, 16))
    await form.getByLabel('To (UTC)').fill(new Date(Date.now() - 3_600_000).toISOString().slice(0, 16))
    await form.getByRole('button', { name: 'Apply' }).click()
    await expect(form.getByText('The end must be after the start.')).toBeVisible()
    await shot(page, 'dashboards-billing-range-error')
    await form.getByLabel('From (UTC)').fill(new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 16))
    await form.getByLabel('To (UTC)').fill(new Date(Date.now() + 3_600_000).toISOString().slice(0, 16))
    await form.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/range=custom.*group=key|group=key.*range=custom/)
    await expect(page.getByRole('heading', { name: 'Cost per hour by key' })).toBeVisible()
    await expect(page.locator('[data-summary="Paid calls made"]')).toContainText(/previous period/)
    await shot(page, 'dashboards-billing-custom-range')
  })
})
