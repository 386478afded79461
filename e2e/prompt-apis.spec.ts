import { expect, test, type Page } from '@playwright/test'
import { DEMO_UPSTREAM } from './fixtures/seed-invoke'
import { fundWithCard } from './fixtures/seed-billing'
import { seedTeam, type SeededTeam } from './fixtures/seed-team'
import { signIn } from './fixtures/sign-in'

// Prompt APIs end to end, through the console only: an owner (an acme-like team) adds a model,
// creates an AI_PROMPT API, writes a template with typed variables, is told about a variable the
// template does not use, fixes it, runs the draft in the playground, adds a plan and publishes; the
// catalog shows the generated reference. A consumer (a globex-like team) subscribes, calls it from
// try-it with the form generated from the contract, and finds the call in the call log and on
// the AI usage dashboard.

const versionRow = (page: Page, label: string) => page.locator(`tr[data-version="${label}"]`)
// The owner's API page is in tabs (Overview, Versions, Plans, Settings, History).
async function openTab(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'API sections' }).getByRole('link', { name }).click()
  await expect(page).toHaveURL(new RegExp(`tab=${name.toLowerCase()}`))
}

async function addModel(page: Page, team: SeededTeam) {
  await page.goto(`/t/${team.slug}/ai`)
  const providerForm = page.getByRole('form', { name: 'New provider' })
  await providerForm.getByLabel('Provider name').fill('Demo OpenAI')
  await providerForm.getByLabel('Kind').selectOption('OPENAI_COMPATIBLE')
  // 150 ms between the demo provider's stream chunks, so a streamed answer arrives visibly in pieces.
  await providerForm.getByLabel('Base URL').fill(`${DEMO_UPSTREAM}/ai/chunk_delay=150/openai/v1`)
  await providerForm.getByLabel('API key').fill('sk-demo-any-key-1234')
  await providerForm.getByRole('button', { name: 'Add provider' }).click()
  await expect(page.locator('tr[data-provider="Demo OpenAI"]')).toContainText('sk-…1234')
  const modelForm = page.getByRole('form', { name: 'New model' })
  await modelForm.getByLabel('Model name', { exact: true }).fill('house-gpt')
  await modelForm.getByLabel('Provider model name').fill('demo-gpt')
  await modelForm.getByLabel('Context window (tokens)').fill('32000')
  await modelForm.getByLabel('Max output (tokens)').fill('512')
  await modelForm.getByLabel('Input price per 1M (USD)').fill('0.50')
  await modelForm.getByLabel('Output price per 1M (USD)').fill('1.50')
  await modelForm.getByRole('button', { name: 'Add model' }).click()
  await expect(page.locator('tr[data-model="house-gpt"]')).toContainText('$1.50')
}

async function createPromptApi(page: Page, team: SeededTeam, name: string, slug: string) {
  await page.goto(`/t/${team.slug}/apis/new`)
  await page.getByLabel('Name', { exact: true }).fill(name)
  await expect(page.getByLabel('Slug')).toHaveValue(slug)
  await page.getByLabel('Kind').selectOption('AI_PROMPT')
  await page.getByLabel('Visibility').selectOption('INTERNAL')
  await page.getByRole('button', { name: 'Create API' }).click()
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/apis/${slug}$`))
}

test('[PROMPT] an owner designs, tries and publishes a prompt API; a consumer calls it from try-it with the generated form', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const owner = await seedTeam('prompt-acme')
  const consumer = await seedTeam('prompt-globex')
  await fundWithCard(consumer)
  const suffix = owner.slug.split('-').pop()!
  const apiName = `Summarize ${suffix}`
  const apiSlug = `summarize-${suffix}`
  const ownerPage = await (await browser.newContext()).newPage()
  const consumerPage = await (await browser.newContext()).newPage()
  await signIn(ownerPage, owner.users.OWNER.email)
  await signIn(consumerPage, consumer.users.OWNER.email)

  await test.step('the owner adds a model and creates the prompt API', async () => {
    await addModel(ownerPage, owner)
    await createPromptApi(ownerPage, owner, apiName, apiSlug)
  })

  const design = ownerPage.getByRole('form', { name: 'Prompt version design' })
  let versionUrl = ''
  await test.step('a variable the template does not use is a field error; fixing it creates v1', async () => {
    await expect(design.getByLabel('Version label')).toHaveValue('v1')
    await design.getByLabel('System template').fill('You summarise texts for busy readers.')
    await design.getByLabel('User template').fill('Summarise this text:\n{{text}}')
    const rows = design.locator('[data-variable-row]')
    await rows.nth(0).getByLabel('Name', { exact: true }).fill('text')
    await rows.nth(0).getByLabel('Description').fill('The text to summarise')
    await design.getByRole('button', { name: 'Add a variable' }).click()
    const tone = rows.nth(1)
    await tone.getByLabel('Name', { exact: true }).fill('tone')
    await tone.getByLabel('Type').selectOption('enum')
    await tone.getByLabel('Required').uncheck()
    await tone.getByLabel('Allowed values (comma-separated)').fill('neutral, friendly, formal')
    await tone.getByLabel('Default').fill('neutral')
    await expect(design.getByLabel('Model')).toContainText('house-gpt (Demo OpenAI)')
    await design.getByRole('button', { name: 'Create version' }).click()
    await expect(design.locator('[data-field-error="variables"]')).toHaveText('tone is not used by the template')
    // Nothing was saved: the API still has no version.
    await expect(ownerPage.getByText('No versions yet.')).toBeVisible()

    await design.getByLabel('User template').fill('Summarise this text in a {{tone}} tone:\n{{text}}')
    await design.getByRole('button', { name: 'Create version' }).click()
    await expect(ownerPage).toHaveURL(new RegExp(`/t/${owner.slug}/apis/${apiSlug}/versions/ver_`))
    versionUrl = ownerPage.url()
    // The generated contract is the version's API reference.
    await expect(ownerPage.locator('[data-api-reference]')).toContainText(`Run ${apiName}`)
  })

  await test.step('the playground runs the draft: the rendered prompt, the answer, tokens and cost', async () => {
    const playground = ownerPage.getByRole('form', { name: 'Prompt playground' })
    await expect(playground.getByLabel('tone')).toHaveValue('neutral')
    await playground.getByRole('button', { name: 'Run' }).click()
    // A required variable left empty is named, and no model is called.
    await expect(playground.locator('[data-field-error="playground-text"]')).toBeVisible()
    await playground.getByLabel('text (required)').fill('Toll roads pay for the bridges they cross.')
    await playground.getByLabel('tone').selectOption('formal')
    await playground.getByRole('button', { name: 'Run' }).click()
    const result = playground.getByRole('region', { name: 'Playground result' })
    await expect(result).toHaveAttribute('data-playground-result', 'ok', { timeout: 30_000 })
    await expect(result.locator('[data-rendered="user"]')).toHaveText(
      'Summarise this text in a formal tone:\nToll roads pay for the bridges they cross.',
    )
    await expect(result.locator('[data-playground-answer]')).not.toBeEmpty()
    expect(Number(await result.locator('[data-stat="input-tokens"]').textContent())).toBeGreaterThan(0)
    expect(Number(await result.locator('[data-stat="output-tokens"]').textContent())).toBeGreaterThan(0)
    await expect(result.locator('[data-stat="cost"]')).toHaveText(/^\$0\.\d+$/)
    await expect(result.locator('[data-stat="model"]')).toHaveText('house-gpt (Demo OpenAI)')
  })

  await test.step('the owner adds a per-token plan and publishes; the template becomes read-only', async () => {
    await ownerPage.getByRole('link', { name: `← ${apiName}` }).click()
    await openTab(ownerPage, 'Plans')
    const planForm = ownerPage.getByRole('form', { name: 'New plan' })
    await planForm.getByLabel('Plan name').fill('Per token')
    await planForm.getByLabel(/Paid plan/).check()
    await planForm.getByLabel('Price per 1M input tokens').fill('2')
    await planForm.getByLabel('Price per 1M output tokens').fill('6')
    await planForm.getByRole('button', { name: 'Add plan' }).click()
    await expect(ownerPage.locator('tr[data-plan="Per token"]')).toBeVisible()
    await openTab(ownerPage, 'Versions')
    await versionRow(ownerPage, 'v1').getByRole('button', { name: 'Publish…' }).click()
    const dialog = ownerPage.getByRole('dialog', { name: 'Publish v1' })
    await expect(dialog.getByRole('list', { name: 'Publish checks' })).not.toContainText('Upstream answers')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect(versionRow(ownerPage, 'v1')).toContainText('Published')
    await ownerPage.goto(versionUrl)
    await expect(ownerPage.getByText('Published templates are immutable; add a version to change it.')).toBeVisible()
    await expect(ownerPage.getByRole('form', { name: 'Prompt version design' })).toHaveCount(0)
  })

  await test.step('the catalog lists it with its generated reference; the consumer subscribes and makes a key', async () => {
    await consumerPage.goto(`/catalog/${owner.slug}/${apiSlug}`)
    await expect(consumerPage.getByText('AI prompt').first()).toBeVisible()
    await expect(consumerPage.locator('[data-api-reference]')).toContainText(`Run ${apiName}`)
    const subscribe = consumerPage.getByRole('region', { name: 'Subscribe' })
    await subscribe.getByRole('button', { name: 'Subscribe' }).click()
    await expect(subscribe.getByRole('status')).toContainText('Subscribed on Per token')
    await consumerPage.goto(`/t/${consumer.slug}/keys`)
    await consumerPage.getByLabel('Name', { exact: true }).fill('summarizer')
    await consumerPage.getByRole('button', { name: 'Create key' }).click()
    await expect(consumerPage.getByLabel('New API key')).toHaveValue(/^tg_/)
  })

  await test.step('try-it: the form generated from the contract calls the gateway and shows the JSON answer', async () => {
    await consumerPage.goto(`/catalog/${owner.slug}/${apiSlug}`)
    const form = consumerPage.getByRole('form', { name: 'Try the prompt' })
    await expect(form.getByLabel('tone')).toHaveValue('neutral')
    await expect(form.getByLabel('tone').locator('option')).toHaveText(['(default)', 'neutral', 'friendly', 'formal'])
    await expect(form.getByText('The text to summarise')).toBeVisible()
    await form.getByLabel('text (required)').fill('Bridges built with tolls last for a century.')
    await form.getByRole('button', { name: 'Send' }).click()
    const response = form.getByRole('region', { name: 'Response' })
    await expect(response.locator('[data-status]')).toHaveText('200', { timeout: 30_000 })
    const body = JSON.parse((await response.locator('[data-response-body]').textContent()) ?? '{}') as {
      output?: unknown
      usage?: { input_tokens?: number }
      cost?: string
    }
    expect(typeof body.output).toBe('string')
    expect(body.usage?.input_tokens).toBeGreaterThan(0)
    expect(body.cost).toMatch(/^\d+\.\d+$/)
  })

  await test.step('a streamed try-it shows the text as it arrives, then the usage and cost', async () => {
    const form = consumerPage.getByRole('form', { name: 'Try the prompt' })
    await form
      .getByLabel('text (required)')
      .fill('Toll bridges paid for themselves within a decade, then kept earning.')
    await form.getByLabel('Stream the answer').check()
    // Every state the answer goes through, as the browser rendered it (the demo provider sends a
    // chunk every 150 ms, so a page that waited for the end would show one state only).
    await consumerPage.evaluate(() => {
      const seen: Array<{ done: string; text: string; usage: boolean }> = []
      ;(window as unknown as { streamStates: typeof seen }).streamStates = seen
      new MutationObserver(() => {
        const section = document.querySelector<HTMLElement>('section[aria-label="Streamed answer"]')
        if (!section) return
        const state = {
          done: section.dataset.done ?? '',
          text: section.querySelector('[data-stream-text]')?.textContent ?? '',
          usage: section.querySelector('[data-stream-usage]') !== null,
        }
        const last = seen.at(-1)
        if (!last || last.done !== state.done || last.text !== state.text || last.usage !== state.usage)
          seen.push(state)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await form.getByRole('button', { name: 'Send' }).click()
    const answer = form.getByRole('region', { name: 'Streamed answer' })
    await expect(answer).toHaveAttribute('data-done', 'true', { timeout: 30_000 })
    await expect(answer.locator('[data-status]')).toHaveText('200')
    const final = (await answer.locator('[data-stream-text]').textContent()) ?? ''
    expect(final.length).toBeGreaterThan(0)
    await expect(answer.locator('[data-stream-usage]')).toHaveText(
      /^[1-9]\d* input \/ [1-9]\d* output tokens · cost \d+\.\d+$/,
    )

    const states = await consumerPage.evaluate(
      () => (window as unknown as { streamStates: Array<{ done: string; text: string; usage: boolean }> }).streamStates,
    )
    const partial = states.filter((s) => s.done === 'false' && s.text.length > 0)
    // Shown while streaming, growing, each a beginning of the final text.
    expect(partial.length).toBeGreaterThanOrEqual(2)
    for (const state of partial) expect(final.startsWith(state.text)).toBe(true)
    expect(partial[0].text.length).toBeLessThan(final.length)
    // The usage and cost arrive with the final event, never while the text streams.
    expect(partial.some((state) => state.usage)).toBe(false)
    await expect(answer.getByText('streaming…')).toHaveCount(0)
  })

  await test.step('the call is in the consumer’s call log', async () => {
    const row = consumerPage.locator('tr[data-call]').filter({ hasText: apiName }).first()
    await expect(async () => {
      await consumerPage.goto(`/t/${consumer.slug}/calls?view=consumer`)
      await expect(row).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await expect(row.locator('[data-model]')).toHaveText('house-gpt')
  })

  await test.step('the call is on the consumer’s AI usage dashboard, and its number opens it', async () => {
    // The consumer owns no AI API, so the dashboard opens on its own calls.
    const party = consumerPage.locator(`[data-party-row="${owner.slug}/${apiSlug}"]`)
    await expect(async () => {
      await consumerPage.goto(`/t/${consumer.slug}/ai/usage?range=24h`)
      await expect(party).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    // The JSON call and the streamed one.
    await expect(consumerPage.locator('[data-summary="AI calls"] dd').first()).toHaveText('2')
    await party.getByRole('link').first().click()
    await expect(consumerPage).toHaveURL(new RegExp(`/t/${consumer.slug}/calls\\?`))
    await expect(consumerPage.locator('tr[data-call]').filter({ hasText: apiName })).toHaveCount(2)
  })
})

test('[PROMPT] the prompt design form fits a phone', async ({ page }) => {
  const team = await seedTeam('prompt-phone')
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, team.users.OWNER.email)
  await addModel(page, team)
  const suffix = team.slug.split('-').pop()!
  await createPromptApi(page, team, `Phone prompt ${suffix}`, `phone-prompt-${suffix}`)
  const design = page.getByRole('form', { name: 'Prompt version design' })
  await design.getByRole('button', { name: 'Add a variable' }).click()
  await design.locator('[data-variable-row]').nth(1).getByLabel('Type').selectOption('enum')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  for (const control of [
    design.getByLabel('User template'),
    design.locator('[data-variable-row]').nth(1).getByLabel('Allowed values (comma-separated)'),
    design.getByLabel('Model'),
    design.getByRole('button', { name: 'Create version' }),
  ]) {
    await control.scrollIntoViewIfNeeded()
    const box = await control.boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
  }
})
