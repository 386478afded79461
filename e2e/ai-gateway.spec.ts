import { expect, test, type Page } from '@playwright/test'
import { decimalToMicros, formatMicros } from '../lib/billing/money'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { fundWithCard } from './fixtures/seed-billing'
import { seedTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// The AI gateway end to end, through the console only: an owner adds a provider (the demo AI
// provider in the demo upstream) and a model, designs and publishes an AI_CHAT API; a consumer
// subscribes, creates a key, chats from try-it with a streamed answer that visibly arrives in
// pieces, then finds the call's tokens and cost in the call log and on the billing chart by model.

const versionRow = (page: Page, label: string) => page.locator(`tr[data-version="${label}"]`)
// The owner's API page is in tabs (Overview, Versions, Plans, Settings, History).
async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'API sections' }).getByRole('link', { name }).click()
  await expect(page).toHaveURL(new RegExp(`tab=${name.toLowerCase()}`))
}

test('[AI] owner publishes an AI chat API over a provider model; a consumer streams a chat from try-it and sees tokens and cost', async ({
  browser,
}) => {
  test.setTimeout(150_000)
  const owner = await seedTeam('ai-owner')
  const consumer = await seedTeam('ai-consumer')
  await fundWithCard(consumer)
  const suffix = owner.slug.split('-').pop()!
  const apiName = `Assistant ${suffix}`
  const apiSlug = `assistant-${suffix}`
  const ownerPage = await (await browser.newContext()).newPage()
  const consumerPage = await (await browser.newContext()).newPage()
  await signIn(ownerPage, owner.users.OWNER.email)
  await signIn(consumerPage, consumer.users.OWNER.email)

  await test.step('the owner adds a provider and a model', async () => {
    await ownerPage.goto(`/t/${owner.slug}/ai`)
    const providerForm = ownerPage.getByRole('form', { name: 'New provider' })
    await providerForm.getByLabel('Provider name').fill('Demo OpenAI')
    await providerForm.getByLabel('Kind').selectOption('OPENAI_COMPATIBLE')
    // 150 ms between the demo provider's stream chunks, so the answer arrives visibly in pieces.
    await providerForm.getByLabel('Base URL').fill(`${DEMO_UPSTREAM}/ai/chunk_delay=150/openai/v1`)
    await providerForm.getByLabel('API key').fill('sk-demo-any-key-1234')
    await providerForm.getByRole('button', { name: 'Add provider' }).click()
    await expect(ownerPage.locator('tr[data-provider="Demo OpenAI"]')).toContainText('sk-…1234')

    const modelForm = ownerPage.getByRole('form', { name: 'New model' })
    await modelForm.getByLabel('Model name', { exact: true }).fill('house-gpt')
    await modelForm.getByLabel('Provider model name').fill('demo-gpt')
    await modelForm.getByLabel('Context window (tokens)').fill('32000')
    await modelForm.getByLabel('Max output (tokens)').fill('512')
    await modelForm.getByLabel('Input price per 1M (USD)').fill('0.50')
    await modelForm.getByLabel('Output price per 1M (USD)').fill('1.50')
    await modelForm.getByRole('button', { name: 'Add model' }).click()
    await expect(ownerPage.locator('tr[data-model="house-gpt"]')).toContainText('$1.50')
  })

  await test.step('the owner creates the AI chat API, designs v1 and adds a per-token plan', async () => {
    await ownerPage.goto(`/t/${owner.slug}/apis/new`)
    await ownerPage.getByLabel('Name').fill(apiName)
    await expect(ownerPage.getByLabel('Slug')).toHaveValue(apiSlug)
    await ownerPage.getByLabel('Kind').selectOption('AI_CHAT')
    await ownerPage.getByLabel('Visibility').selectOption('INTERNAL')
    await ownerPage.getByRole('button', { name: 'Create API' }).click()
    await expect(ownerPage).toHaveURL(new RegExp(`/t/${owner.slug}/apis/${apiSlug}$`))

    const design = ownerPage.getByRole('form', { name: 'AI version design' })
    await expect(design.getByLabel('Version label')).toHaveValue('v1')
    await design.getByLabel('Exposed name').fill('chat')
    await expect(design.getByRole('combobox', { name: 'Route 1 target 1' })).toContainText('house-gpt (Demo OpenAI)')
    await design.getByRole('button', { name: 'Create version' }).click()
    // The version page: the generated contract is the API reference.
    await expect(ownerPage.getByText('Exposes chat · default chat')).toBeVisible()
    await expect(ownerPage.locator('[data-api-reference]')).toContainText('/chat/completions')
    await ownerPage.getByRole('link', { name: `← ${apiName}` }).click()
    await openTab(ownerPage, 'Plans')

    const planForm = ownerPage.getByRole('form', { name: 'New plan' })
    await planForm.getByLabel('Plan name').fill('Per token')
    await planForm.getByLabel(/Paid plan/).check()
    await planForm.getByLabel('Price per 1M input tokens').fill('2')
    await planForm.getByLabel('Price per 1M output tokens').fill('6')
    await planForm.getByRole('button', { name: 'Add plan' }).click()
    await expect(ownerPage.locator('tr[data-plan="Per token"]')).toBeVisible()
  })

  await test.step('publishing needs no upstream: the models are routed', async () => {
    await openTab(ownerPage, 'Versions')
    await versionRow(ownerPage, 'v1').getByRole('button', { name: 'Publish…' }).click()
    const dialog = ownerPage.getByRole('dialog', { name: 'Publish v1' })
    const checks = dialog.getByRole('list', { name: 'Publish checks' })
    await expect(checks).toContainText('Models are routed')
    await expect(checks).not.toContainText('Upstream answers')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(versionRow(ownerPage, 'v1')).toContainText('Published')
  })

  await test.step('the consumer subscribes and creates a key', async () => {
    await consumerPage.goto(`/catalog/${owner.slug}/${apiSlug}`)
    const subscribe = consumerPage.getByRole('region', { name: 'Subscribe' })
    await subscribe.getByRole('button', { name: 'Subscribe' }).click()
    await expect(subscribe.getByRole('status')).toContainText('Subscribed on Per token')
    await consumerPage.goto(`/t/${consumer.slug}/keys`)
    await consumerPage.getByLabel('Name').fill('chat-bot')
    await consumerPage.getByRole('button', { name: 'Create key' }).click()
    await expect(consumerPage.getByLabel('New API key')).toHaveValue(/^tg_/)
  })

  let cost = ''
  await test.step('try-it streams the answer as it arrives, then shows tokens and cost', async () => {
    await consumerPage.goto(`/catalog/${owner.slug}/${apiSlug}`)
    const chat = consumerPage.getByRole('form', { name: 'Try the chat' })
    await expect(chat.getByLabel('Model')).toHaveValue('chat')
    await chat.getByLabel('Message', { exact: true }).fill('Tell me about toll roads and the bridges they pay for')
    await expect(chat.getByLabel('Stream the answer')).toBeChecked()
    await chat.getByRole('button', { name: 'Send' }).click()

    const answer = chat.getByRole('region', { name: 'Chat answer' })
    const text = answer.locator('[data-chat-text]')
    // Watch the answer grow: several distinct partial texts before the stream is done.
    const partials = new Set<string>()
    await expect(async () => {
      const done = await answer.getAttribute('data-done')
      const now = (await text.textContent().catch(() => '')) ?? ''
      if (done === 'false' && now) partials.add(now)
      expect(done).toBe('true')
    }).toPass({ timeout: 30_000, intervals: [40] })
    expect(partials.size, 'the answer appeared in several steps').toBeGreaterThanOrEqual(2)
    const final = (await text.textContent()) ?? ''
    for (const partial of partials) expect(final.startsWith(partial)).toBe(true)
    expect(final.length).toBeGreaterThan([...partials].sort((a, b) => a.length - b.length)[0].length)

    await expect(answer.locator('[data-status]')).toHaveText('200')
    await expect(answer).toContainText('served by house-gpt (Demo OpenAI)')
    const input = Number(await answer.locator('[data-input-tokens]').textContent())
    const output = Number(await answer.locator('[data-output-tokens]').textContent())
    expect(input).toBeGreaterThan(0)
    expect(output).toBeGreaterThan(0)
    cost = ((await answer.locator('[data-cost]').textContent()) ?? '').trim()
    // The plan's prices, 2 USD per 1M input and 6 USD per 1M output tokens: in micro-units
    // that is 2 per input token and 6 per output token, exactly.
    expect(decimalToMicros(cost)).toBe(BigInt(input * 2 + output * 6))
  })

  await test.step('the call log shows model, tokens and cost', async () => {
    const row = consumerPage.locator('tr[data-call]').filter({ hasText: 'chat' }).first()
    await expect(async () => {
      await consumerPage.goto(`/t/${consumer.slug}/calls?view=consumer&model=chat`)
      await expect(row).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(row.locator('[data-model]')).toHaveText('chat')
    await expect(row).toContainText('via house-gpt')
    await expect(row.locator('[data-tokens]')).toContainText(/\d+ \/ \d+/)
    await expect(row.locator('[data-cost]')).toHaveText(formatMicros(decimalToMicros(cost)))
  })

  await test.step('the billing page charts the spend by model, drilling into the call log', async () => {
    const modelRow = consumerPage.locator('tr[data-model-row="chat"]')
    await expect(async () => {
      await consumerPage.goto(`/t/${consumer.slug}/billing`)
      await expect(modelRow).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(consumerPage.getByRole('figure', { name: /Cost by AI model/ })).toBeVisible()
    await expect(modelRow).toContainText('1')
    await modelRow.getByRole('link', { name: 'chat' }).click()
    await expect(consumerPage).toHaveURL(/\/calls\?view=consumer&model=chat/)
    await expect(consumerPage.locator('tr[data-call]')).toHaveCount(1)
  })
})
