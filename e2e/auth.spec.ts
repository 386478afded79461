import { expect, test, type Page } from '@playwright/test'
import { disableUser } from '../lib/auth/disable-user'
import { LOGIN_POLICY } from '../lib/auth/login-limits'
import { E2E_PASSWORD, seedTeam } from './fixtures/seed-team'
import { cookieHeader, loopbackAddress, readSession, signInOverHttp, signInThroughForm } from './fixtures/sign-in'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const TOO_MANY = /^Too many attempts; try again in (\d+) seconds?\.$/

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The seconds the sign-in form asks to wait, once the answer to this submit has arrived. */
async function waitAsked(page: Page): Promise<number> {
  const message = page.locator('[data-form-error]')
  await expect(message).toHaveText(TOO_MANY)
  return Number(TOO_MANY.exec((await message.textContent()) ?? '')?.[1])
}

test('[AUTH] wrong password shows an error and signing in lands on the catalog', async ({ page }) => {
  const team = await seedTeam('auth')
  await page.goto('/t/' + team.slug + '/apis')
  await expect(page).toHaveURL(/\/login/)
  await page.getByLabel('Email').fill(team.users.OWNER.email)
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.locator('[data-form-error]')).toHaveText('Wrong email or password')
  await expect(page.getByLabel('Email')).toHaveValue(team.users.OWNER.email)

  await signInThroughForm(page, team.users.OWNER.email)
  await expect(page.getByRole('link', { name: 'Catalog' })).toBeVisible()
  await expect(page.getByLabel('Switch team')).toHaveValue(team.slug)
})

test('[AUTH] repeated failures slow the account down, and the right password gets in after the wait', async ({
  page,
}) => {
  const team = await seedTeam('slowdown')
  const email = team.users.MEMBER.email
  await page.goto('/login')
  let wait = 0
  // The first failures are free; then each attempt must wait longer than the last (1 s, 2 s, 4 s...),
  // so quick retries soon meet the wait.
  for (let attempt = 0; attempt < 8 && !wait; attempt++) {
    await submitSignIn(page, email, `wrong-${attempt}`)
    // The form reset marks this answer as arrived (the message may still be the previous one).
    await expect(page.getByLabel('Password')).toHaveValue('')
    const text = await page.locator('[data-form-error]').textContent()
    if (TOO_MANY.test(text ?? '')) wait = Number(TOO_MANY.exec(text ?? '')?.[1])
    else expect(text).toBe('Wrong email or password')
  }
  expect(wait).toBeGreaterThanOrEqual(1)
  expect(wait).toBeLessThanOrEqual(LOGIN_POLICY.account.maxDelaySeconds)
  await sleep(wait * 1000 + 200)
  await submitSignIn(page, email, E2E_PASSWORD)
  await expect(page).not.toHaveURL(/\/login/)
})

test('[AUTH] rotating X-Forwarded-For does not get round the per-address limit', async ({ page }) => {
  test.setTimeout(120_000)
  const team = await seedTeam('rotating')
  const from = loopbackAddress()
  // Credential stuffing: a new account and a new claimed address every time, from one real address.
  for (let i = 0; i < LOGIN_POLICY.address.failures; i++) {
    const spoofed = `203.0.113.${i + 1}`
    const result = await signInOverHttp({
      from,
      email: `stuffed-${i}-${team.slug}@example.test`,
      password: 'password123',
      headers: { 'x-forwarded-for': spoofed, 'x-real-ip': spoofed, 'x-tollgate-client-ip': spoofed },
    })
    expect(result.outcome, `attempt ${i + 1}`).toBe('credentials')
  }
  // Refused from that address now, whatever the headers claim and even with a right password.
  const refused = await signInOverHttp({
    from,
    email: team.users.VIEWER.email,
    password: E2E_PASSWORD,
    headers: { 'x-forwarded-for': '198.51.100.77', 'x-tollgate-client-ip': '198.51.100.77' },
  })
  expect(refused.outcome).toBe('rate_limited')
  // The same user from another address (the browser's) is not affected.
  await signInThroughForm(page, team.users.VIEWER.email)
  await expect(page.getByLabel('Switch team')).toHaveValue(team.slug)
})

test("[AUTH] an attacker's failures from one address do not stop the real user signing in from another", async ({
  page,
}) => {
  const team = await seedTeam('attacked')
  const victim = team.users.MEMBER.email
  const attacker = loopbackAddress()
  await page.goto('/login')
  // Three free failures, then each attempt waits out the account's growing backoff (1 s, 2 s).
  for (const waitAfter of [0, 0, 0, 1, 2, 0]) {
    const result = await signInOverHttp({
      from: attacker,
      email: victim,
      password: `guess-${waitAfter}-${Math.random()}`,
    })
    expect(result.outcome).toBe('credentials')
    await sleep(waitAfter * 1000 + (waitAfter ? 200 : 0))
  }
  // The attacker's last failure started a 4 s backoff for the account: the real user waits it out
  // (a slow-down, never a lock), then gets in with the right password.
  await submitSignIn(page, victim, E2E_PASSWORD)
  const wait = await waitAsked(page)
  expect(wait).toBeGreaterThanOrEqual(1)
  expect(wait).toBeLessThanOrEqual(4)
  await sleep(wait * 1000 + 200)
  await submitSignIn(page, victim, E2E_PASSWORD)
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByLabel('Switch team')).toHaveValue(team.slug)
})

test('[AUTH] sign out ends the session on the server: the old cookie reads nothing', async ({ page, browser }) => {
  const team = await seedTeam('signout')
  await signInThroughForm(page, team.users.VIEWER.email)
  const oldCookies = await page.context().cookies()
  const oldCookie = await cookieHeader(page.context())
  expect((await readSession(oldCookie))?.user?.email).toBe(team.users.VIEWER.email)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
  // The login form is rendered only once the sign-out answer (and its cookie) has fully arrived.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.goto('/catalog')
  await expect(page).toHaveURL(/\/login/)

  // A copy of the cookie taken before signing out (another tab, a stolen copy) is dead too.
  expect(await readSession(oldCookie)).toBeNull()
  const replay = await browser.newContext()
  await replay.addCookies(oldCookies)
  const replayed = await replay.newPage()
  await replayed.goto(`/t/${team.slug}/billing`)
  await expect(replayed).toHaveURL(/\/login/)
  await replay.close()
})

test("[AUTH] a removed member's session ends at once", async ({ page, browser }) => {
  const team = await seedTeam('removed')
  const member = await browser.newContext()
  const memberPage = await member.newPage()
  await signInThroughForm(memberPage, team.users.MEMBER.email)
  await memberPage.goto(`/t/${team.slug}/apis`)
  await expect(memberPage.getByRole('heading', { name: 'APIs', exact: true })).toBeVisible()
  const memberCookie = await cookieHeader(member)

  await signInThroughForm(page, team.users.OWNER.email)
  await page.goto(`/t/${team.slug}/settings`)
  const row = page.locator(`tr[data-member="${team.users.MEMBER.email}"]`)
  await row.getByRole('button', { name: 'Remove' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove member' }).click()
  await expect(row).toHaveCount(0)

  await memberPage.goto(`/t/${team.slug}/apis`)
  await expect(memberPage).toHaveURL(/\/login/)
  expect(await readSession(memberCookie)).toBeNull()
  // The owner who removed them is still signed in.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Members (3)' })).toBeVisible()
  await member.close()
})

test("[AUTH] a disabled user's session ends, and signing in again says the account is disabled", async ({ page }) => {
  const team = await seedTeam('disabled')
  const { VIEWER } = team.users
  await signInThroughForm(page, VIEWER.email)
  await page.goto(`/t/${team.slug}/billing`)
  await expect(page.getByRole('heading', { name: 'Billing' })).toBeVisible()
  const cookie = await cookieHeader(page.context())

  await disableUser(VIEWER.id)
  await page.goto(`/t/${team.slug}/billing`)
  await expect(page).toHaveURL(/\/login/)
  expect(await readSession(cookie)).toBeNull()

  await submitSignIn(page, VIEWER.email, E2E_PASSWORD)
  await expect(page.locator('[data-form-error]')).toHaveText(/^This account is disabled\./)
  await expect(page).toHaveURL(/\/login/)
})

test('[AUTH] every page carries a fresh script nonce and no inline scripts are allowed', async ({ page }) => {
  const pages = await Promise.all([1, 2].map(() => fetch(`${process.env.E2E_BASE_URL}/login`)))
  const nonces = await Promise.all(
    pages.map(async (response) => {
      const policy = response.headers.get('content-security-policy') ?? ''
      const scriptSrc =
        policy
          .split(';')
          .map((directive) => directive.trim())
          .find((directive) => directive.startsWith('script-src ')) ?? ''
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/)
      expect(scriptSrc).toContain("'strict-dynamic'")
      expect(scriptSrc).not.toContain("'unsafe-inline'")
      expect(scriptSrc).not.toContain("'unsafe-eval'")
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
      // Next put this request's nonce on every script of the page.
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
      return nonce
    }),
  )
  expect(nonces[0]).not.toBe(nonces[1])

  // Under that policy the console hydrates and its forms work, with no violation reported...
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const team = await seedTeam('nonce')
  await page.goto(`/t/${team.slug}/apis`)
  await submitSignIn(page, team.users.ADMIN.email, 'not-it')
  await expect(page.locator('[data-form-error]')).toHaveText('Wrong email or password')
  await expect(page.getByLabel('Email')).toHaveValue(team.users.ADMIN.email) // React state survived the reset
  await submitSignIn(page, team.users.ADMIN.email, E2E_PASSWORD)
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/apis$`))
  await page.getByRole('link', { name: 'Billing' }).click()
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}/billing$`))
  // The 404 page too is rendered per request, with the nonce, and its link works client-side.
  const missing = await page.goto(`/no-such-page-${team.slug}`)
  expect(missing?.status()).toBe(404)
  const missingNonce = /'nonce-([^']+)'/.exec((await missing?.allHeaders())?.['content-security-policy'] ?? '')?.[1]
  const missingScripts = (await missing?.text())?.match(/<script\b[^>]*>/g) ?? []
  expect(missingScripts.length).toBeGreaterThan(0)
  for (const tag of missingScripts) expect(tag).toContain(`nonce="${missingNonce}"`)
  await page.getByRole('link', { name: 'Back to the catalog' }).click()
  await expect(page).toHaveURL(/\/catalog$/)
  expect(violations).toEqual([])

  // ...while markup injected into the page cannot run code.
  const ran = await page.evaluate(async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="/favicon.ico?csp" onload="window.__injected = 1" onerror="window.__injected = 1">',
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
    return (window as unknown as { __injected?: number }).__injected ?? null
  })
  expect(ran).toBeNull()
  expect(violations.join('\n')).toMatch(/inline event handler|script-src/i)
})
