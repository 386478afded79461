import { describe, expect, test } from 'vitest'
import { causeLabel, nextStepFor } from './causes'

// What the incident page tells each side to do, per cause: the links a user would click.

const context = { consumerSlug: 'globex', ownerSlug: 'acme', apiSlug: 'weather' }

describe('nextStepFor', () => {
  test.each([
    ['insufficient_balance', [['Top up', '/t/globex/billing']]],
    ['budget_exceeded', [['Raise budget', '/t/globex/billing']]],
    ['payment_method_failed', [['Fix payment method', '/t/globex/billing']]],
    [
      'quota_exhausted',
      [
        ['Top up', '/t/globex/billing'],
        ['Upgrade plan', '/catalog/acme/weather'],
      ],
    ],
    ['upstream_payment_required', [['Contact the API owner', '/catalog/acme/weather']]],
  ])('consumer, %s', (cause, links) => {
    expect(nextStepFor(cause, { ...context, view: 'consumer' }).links.map((l) => [l.label, l.href])).toEqual(links)
  })

  test('the owner contact email is used when the team has one', () => {
    expect(
      nextStepFor('upstream_payment_required', { ...context, view: 'consumer', ownerContactEmail: 'api@acme.test' })
        .links,
    ).toEqual([{ label: 'Contact the API owner', href: 'mailto:api@acme.test' }])
  })

  test.each([
    ['insufficient_balance', /globex\) has to top up its balance/],
    ['budget_exceeded', /raise its monthly budget/],
    ['upstream_payment_required', /Your upstream service answered 402/],
  ])('owner, %s: no links into the consumer team, only what it must do', (cause, text) => {
    const step = nextStepFor(cause, { ...context, view: 'owner' })
    expect(step.links).toEqual([])
    expect(step.text).toMatch(text)
  })

  test('an unknown cause still reads as something', () => {
    expect(causeLabel('mystery')).toBe('mystery')
    expect(causeLabel('quota_exhausted')).toBe('Free quota used up')
  })
})
