import { expect, test, type Locator, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from './fixtures/console-pages'
import { shot, signIn } from './fixtures/sign-in'

// Every confirmation dialog shows its whole text, wherever its button sits (the Suspend button is
// in a right-aligned, nowrap table cell): the dialog renders on <body>, traps focus, closes on Esc
// and is named by its title. The dialogs are opened and cancelled; the demo data is not changed.

type DialogCase = { user: string; path: string; button: RegExp; title: RegExp; mustSay: RegExp }

const DIALOGS: DialogCase[] = [
  {
    user: 'owner@globex.test',
    path: '/t/globex/keys',
    button: /^Revoke$/,
    title: /^Revoke “.+”\?$/,
    mustSay: /This cannot be undone\./,
  },
  {
    user: 'owner@acme.test',
    path: '/t/acme/subscriptions',
    button: /^Suspend$/,
    title: /^Suspend this subscription\?$/,
    mustSay: /Their calls are refused \(403\) within a second\./,
  },
  {
    user: 'owner@acme.test',
    path: '/t/acme/apis/weather?tab=versions',
    button: /^Deprecate…$/,
    title: /^Deprecate v2$/,
    mustSay: /responses carry Deprecation and Sunset headers\./,
  },
  {
    user: 'owner@acme.test',
    path: '/t/acme/apis/weather?tab=versions',
    button: /^Retire early…$/,
    title: /^Retire v1$/,
    mustSay: /Retiring now breaks every consumer still calling v1: the gateway answers 410 Gone\./,
  },
]

/** Text nodes' boxes that are cut off: wider than their element, or outside the dialog or the viewport. */
async function clippedText(dialog: Locator) {
  return dialog.evaluate((root) => {
    const box = root.getBoundingClientRect()
    const problems: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const element = node.parentElement!
      if (!text || element.closest('[aria-hidden="true"]')) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const rect of range.getClientRects()) {
        const outside =
          rect.left < box.left - 1 ||
          rect.right > box.right + 1 ||
          rect.left < 0 ||
          rect.right > window.innerWidth ||
          rect.bottom > window.innerHeight
        if (outside) problems.push(`"${text}" at ${Math.round(rect.left)}–${Math.round(rect.right)} px`)
      }
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible')
        problems.push(`"${text}" overflows its ${element.tagName.toLowerCase()}`)
    }
    return {
      problems,
      textAlign: getComputedStyle(root).textAlign,
      whiteSpace: getComputedStyle(root).whiteSpace,
      inBody: root.parentElement === document.body || root.closest('main') === null,
    }
  })
}

async function openDialog(page: Page, c: DialogCase) {
  await page.goto(c.path)
  await page.getByRole('button', { name: c.button }).first().click()
  const dialog = page.getByRole('dialog', { name: c.title })
  await expect(dialog).toBeVisible()
  return dialog
}

for (const width of [390, 1440]) {
  for (const c of DIALOGS) {
    test(`[DIALOGS] ${c.button.source.replace(/[\^$\\]/g, '')} shows its whole text at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 })
      await signIn(page, c.user, DEMO_PASSWORD)
      const dialog = await openDialog(page, c)
      await expect(dialog).toContainText(c.mustSay)
      const { problems, textAlign, whiteSpace, inBody } = await clippedText(dialog)
      expect(problems).toEqual([])
      expect([textAlign, whiteSpace, inBody]).toEqual(['left', 'normal', true])
      await shot(page, `dialog-${width}-${c.path.split('/').pop()}-${c.title.source.replace(/\W+/g, '-')}`)
    })
  }
}

test('[DIALOGS] focus stays inside the dialog, Esc closes it and focus returns to its button', async ({ page }) => {
  await signIn(page, 'owner@acme.test', DEMO_PASSWORD)
  const c = DIALOGS[1]
  const dialog = await openDialog(page, c)
  const opener = page.getByRole('button', { name: c.button }).first()
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((root) => root.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
})
