// Integration: the billing page's actions (top-up, payment method, budget) against a real database,
// with the sandbox payment provider.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { PaymentCause } from '@/generated/sqlite/enums'
import type { TeamScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'
import { toAppError } from '@/lib/errors/to-problem'
import { readConfigVersion } from '@/lib/config-events/read-config-version'
import { createId } from '@/lib/ids'
import { createTestTeam } from '@/lib/testing/create-test-team'
import { rejection } from '@/lib/testing/rejection'
import { setupTestDatabase, type TestDatabase } from '@/lib/testing/test-database'
import { getLedgerBalance } from './get-balance'
import { utcMonth } from './month'
import type { PaymentProvider } from './payment-provider'
import { createSandboxPaymentProvider } from './sandbox-payment-provider'
import { topUpBalance } from './top-up-balance'
import { updateBillingSettings } from './update-billing-settings'
import { updatePaymentMethod } from './update-payment-method'

let database: TestDatabase
beforeAll(async () => {
  database = await setupTestDatabase()
})
afterAll(() => database?.cleanup())

const VISA = '4242 4242 4242 4242'
const DECLINED = '4000 0000 0000 0002'
const EXPIRED = '4000 0000 0000 0069'

async function teamWithCard(card = VISA) {
  const { team, user, scope } = await createTestTeam()
  await updatePaymentMethod(scope, { cardNumber: card }).catch(() => undefined)
  return { teamId: team.id, userId: user.id, scope }
}

async function books(teamId: string) {
  const account = await db.billingAccount.findUnique({ where: { teamId } })
  const entries = await db.ledgerEntry.findMany({ where: { teamId } })
  return { account, entries }
}

async function openIncident(consumerTeamId: string, cause: PaymentCause) {
  const now = new Date()
  return db.paymentIncident.create({
    data: {
      id: createId('inc'),
      consumerTeamId,
      ownerTeamId: consumerTeamId,
      apiId: createId('api'),
      cause,
      firstSeenAt: now,
      lastSeenAt: now,
      blockedCalls: 3,
    },
  })
}

const incidentState = async (id: string) => (await db.paymentIncident.findUniqueOrThrow({ where: { id } })).state

test.each([
  { card: VISA, status: 'VALID', label: 'Visa •••• 4242', charge: { ok: true } },
  { card: 'tok_visa', status: 'VALID', label: 'Visa •••• 4242', charge: { ok: true } },
  { card: DECLINED, status: 'FAILED', label: 'Visa •••• 0002', charge: { ok: false, reason: 'card_declined' } },
  { card: EXPIRED, status: 'EXPIRED', label: 'Visa •••• 0069', charge: { ok: false, reason: 'card_expired' } },
])('sandbox: card $card attaches as $status and charges accordingly', async ({ card, status, label, charge }) => {
  const provider = createSandboxPaymentProvider()
  const { team, scope } = await createTestTeam()
  expect(await provider.attachPaymentMethod({ teamId: team.id, cardNumber: card })).toEqual({ status, label })

  const outcome = await updatePaymentMethod(scope, { cardNumber: card }, provider).catch((e: unknown) => toAppError(e))
  if (status === 'VALID') expect(outcome).toMatchObject({ status, label })
  else
    expect(outcome).toMatchObject({
      status: 402,
      fieldErrors: { cardNumber: [status === 'EXPIRED' ? 'This card has expired' : 'This card was declined'] },
    })
  // Recorded either way, so the page shows which card needs fixing.
  expect((await books(team.id)).account).toMatchObject({ paymentMethodStatus: status, paymentMethodLabel: label })

  const result = await provider.charge({
    teamId: team.id,
    amountMicros: 1_000_000n,
    currency: 'USD',
    idempotencyKey: createId('k'),
  })
  expect(result).toMatchObject(charge)
})

test('sandbox: no card on file is no_payment_method; other numbers are field errors', async () => {
  const provider = createSandboxPaymentProvider()
  const { team } = await createTestTeam()
  expect(
    await provider.charge({ teamId: team.id, amountMicros: 1n, currency: 'USD', idempotencyKey: createId('k') }),
  ).toEqual({ ok: false, reason: 'no_payment_method' })
  for (const cardNumber of ['5555 5555 5555 4444', 'not a card', '4242']) {
    expect(await rejection(() => provider.attachPaymentMethod({ teamId: team.id, cardNumber }))).toMatchObject({
      status: 422,
      fieldErrors: { cardNumber: expect.any(Array) },
    })
  }
  // The same idempotency key for a different amount is refused, as Stripe refuses it.
  const { teamId } = await teamWithCard()
  const key = createId('k')
  const first = await provider.charge({ teamId, amountMicros: 5n, currency: 'USD', idempotencyKey: key })
  expect(await provider.charge({ teamId, amountMicros: 5n, currency: 'USD', idempotencyKey: key })).toEqual(first)
  expect(
    await rejection(() => provider.charge({ teamId, amountMicros: 6n, currency: 'USD', idempotencyKey: key })),
  ).toMatchObject({ status: 409 })
})

test('top-up: the same form key twice (even concurrently) writes one entry and moves the balance once', async () => {
  const { teamId, scope } = await teamWithCard()
  const input = { amount: '12.345678', idempotencyKey: createId('topup') }
  const results = await Promise.all([topUpBalance(scope, input), topUpBalance(scope, input)])
  const again = await topUpBalance(scope, input)
  expect(new Set([...results, again].map((r) => r.entryId)).size).toBe(1)
  expect(again).toMatchObject({ replayed: true, amountMicros: 12_345_678n, balanceMicros: 12_345_678n })

  const { entries } = await books(teamId)
  expect(entries).toHaveLength(1)
  expect(entries[0]).toMatchObject({ kind: 'TOP_UP', amountMicros: 12_345_678n })
  expect(await getLedgerBalance({ teamId })).toEqual({
    accountBalanceMicros: 12_345_678n,
    ledgerSumMicros: 12_345_678n,
  })

  // A fresh form key is a new top-up; the old key with another amount is refused.
  await topUpBalance(scope, { amount: '5', idempotencyKey: createId('topup') })
  expect(await rejection(() => topUpBalance(scope, { ...input, amount: '99' }))).toMatchObject({
    status: 409,
    code: 'idempotency_conflict',
  })
  expect(await getLedgerBalance({ teamId })).toEqual({
    accountBalanceMicros: 17_345_678n,
    ledgerSumMicros: 17_345_678n,
  })
})

test.each([
  { card: DECLINED, code: 'card_declined', status: 'FAILED' },
  { card: EXPIRED, code: 'card_expired', status: 'EXPIRED' },
])('top-up with the $code card on file: 402, no ledger row', async ({ card, code, status }) => {
  const { teamId, scope } = await teamWithCard(card)
  const error = await rejection(() => topUpBalance(scope, { amount: '10', idempotencyKey: createId('topup') }))
  expect(error).toMatchObject({ status: 402, code })
  expect(await books(teamId)).toMatchObject({
    entries: [],
    account: { balanceMicros: 0n, paymentMethodStatus: status },
  })
})

test('a decline at charge time records the new card status and bumps the config version', async () => {
  const { teamId, scope } = await teamWithCard(VISA)
  const declining: PaymentProvider = {
    name: 'test',
    attachPaymentMethod: async () => ({ status: 'VALID', label: 'x' }),
    charge: async () => ({ ok: false, reason: 'card_declined' }),
  }
  const before = await readConfigVersion(db)
  expect(
    await rejection(() => topUpBalance(scope, { amount: '10', idempotencyKey: createId('topup') }, declining)),
  ).toMatchObject({ status: 402, code: 'card_declined' })
  expect(await books(teamId)).toMatchObject({ entries: [], account: { paymentMethodStatus: 'FAILED' } })
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
})

test('top-up resolves insufficient_balance incidents and leaves budget_exceeded open', async () => {
  const { teamId, userId, scope } = await teamWithCard()
  const insufficient = await openIncident(teamId, 'insufficient_balance')
  const budget = await openIncident(teamId, 'budget_exceeded')
  const before = await readConfigVersion(db)

  const result = await topUpBalance(scope, { amount: '50', idempotencyKey: createId('topup') })
  expect(result.resolvedIncidents).toBe(1)
  expect(await db.paymentIncident.findUniqueOrThrow({ where: { id: insufficient.id } })).toMatchObject({
    state: 'RESOLVED',
    resolvedById: userId,
    resolution: 'Resolved automatically: top-up of $50.00',
  })
  expect(await incidentState(budget.id)).toBe('OPEN')
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
})

test('a top-up that still leaves no funds does not claim the incident is resolved', async () => {
  const { teamId, scope } = await teamWithCard()
  await db.ledgerEntry.create({
    data: { id: createId('led'), teamId, kind: 'CHARGE', amountMicros: -100_000_000n, idempotencyKey: createId('k') },
  })
  await db.billingAccount.update({ where: { teamId }, data: { balanceMicros: -100_000_000n } })
  const incident = await openIncident(teamId, 'insufficient_balance')
  expect((await topUpBalance(scope, { amount: '5', idempotencyKey: createId('topup') })).resolvedIncidents).toBe(0)
  expect(await incidentState(incident.id)).toBe('OPEN')
})

test('fixing the payment method resolves payment_method_failed; a declined card does not', async () => {
  const { teamId, scope } = await teamWithCard(DECLINED)
  const incident = await openIncident(teamId, 'payment_method_failed')
  await rejection(() => updatePaymentMethod(scope, { cardNumber: EXPIRED }))
  expect(await incidentState(incident.id)).toBe('OPEN')
  expect(await updatePaymentMethod(scope, { cardNumber: VISA })).toMatchObject({
    status: 'VALID',
    resolvedIncidents: 1,
  })
  expect(await incidentState(incident.id)).toBe('RESOLVED')
})

test("raising the budget above the month's spend resolves budget_exceeded; staying below does not", async () => {
  const { teamId, scope } = await teamWithCard()
  await db.billingAccount.update({
    where: { teamId },
    data: { monthlyBudgetMicros: 10_000_000n, spendMonth: utcMonth(Date.now()), spendMicros: 10_000_000n },
  })
  const incident = await openIncident(teamId, 'budget_exceeded')
  const insufficient = await openIncident(teamId, 'insufficient_balance')

  const still = await updateBillingSettings(scope, {
    monthlyBudget: '9.5',
    alertThresholds: '100, 80, 80',
    creditLimit: '',
  })
  expect(still).toEqual({
    monthlyBudgetMicros: 9_500_000n,
    alertThresholds: '80,100',
    creditLimitMicros: 0n,
    resolvedIncidents: 0,
  })
  expect(await incidentState(incident.id)).toBe('OPEN')

  const raised = await updateBillingSettings(scope, {
    monthlyBudget: '20',
    alertThresholds: '50,90',
    creditLimit: '5.5',
  })
  expect(raised).toEqual({
    monthlyBudgetMicros: 20_000_000n,
    alertThresholds: '50,90',
    creditLimitMicros: 5_500_000n,
    resolvedIncidents: 1,
  })
  expect(await db.paymentIncident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
    state: 'RESOLVED',
    resolution: 'Resolved automatically: monthly budget raised to $20.00',
  })
  expect(await incidentState(insufficient.id)).toBe('OPEN')
})

test('removing the budget resolves budget_exceeded and stores null', async () => {
  const { teamId, scope } = await teamWithCard()
  await db.billingAccount.update({
    where: { teamId },
    data: { monthlyBudgetMicros: 1_000_000n, spendMonth: utcMonth(Date.now()), spendMicros: 2_000_000n },
  })
  const incident = await openIncident(teamId, 'budget_exceeded')
  const before = await readConfigVersion(db)
  expect(
    await updateBillingSettings(scope, { monthlyBudget: '', alertThresholds: '', creditLimit: '0' }),
  ).toMatchObject({ monthlyBudgetMicros: null, alertThresholds: '', resolvedIncidents: 1 })
  expect(await incidentState(incident.id)).toBe('RESOLVED')
  expect(await readConfigVersion(db)).toBeGreaterThan(before)
})

test.each([
  { name: 'zero top-up', run: topUp({ amount: '0' }), field: 'amount', message: 'At least 5 per top-up' },
  { name: 'a tenth of a cent', run: topUp({ amount: '0.001' }), field: 'amount', message: 'At least 5 per top-up' },
  { name: 'below the minimum', run: topUp({ amount: '4.99' }), field: 'amount', message: 'At least 5 per top-up' },
  {
    name: 'negative top-up',
    run: topUp({ amount: '-5' }),
    field: 'amount',
    message: 'Enter a number such as 25 or 25.50',
  },
  {
    name: 'text top-up',
    run: topUp({ amount: 'ten' }),
    field: 'amount',
    message: 'Enter a number such as 25 or 25.50',
  },
  {
    name: 'seven decimals',
    run: topUp({ amount: '1.1234567' }),
    field: 'amount',
    message: 'Use at most 6 decimal places',
  },
  {
    name: 'over the top-up limit',
    run: topUp({ amount: '100000.000001' }),
    field: 'amount',
    message: 'At most 100000 per top-up',
  },
  {
    name: 'huge top-up',
    run: topUp({ amount: '99999999999999999999' }),
    field: 'amount',
    message: 'At most 100000 per top-up',
  },
  {
    name: 'missing top-up key',
    run: topUp({ idempotencyKey: '' }),
    field: 'idempotencyKey',
    message: 'Reload the page and try again',
  },
  {
    name: 'threshold 0',
    run: settings({ alertThresholds: '0,100' }),
    field: 'alertThresholds',
    message: expect.stringContaining('1 to 1000'),
  },
  {
    name: 'threshold 1001',
    run: settings({ alertThresholds: '80,1001' }),
    field: 'alertThresholds',
    message: expect.stringContaining('1 to 1000'),
  },
  {
    name: 'threshold text',
    run: settings({ alertThresholds: '80,lots' }),
    field: 'alertThresholds',
    message: expect.stringContaining('1 to 1000'),
  },
  { name: 'zero budget', run: settings({ monthlyBudget: '0' }), field: 'monthlyBudget', message: 'Enter more than 0' },
  {
    name: 'negative credit',
    run: settings({ creditLimit: '-1' }),
    field: 'creditLimit',
    message: 'Enter a number such as 25 or 25.50',
  },
  {
    name: 'unknown card',
    run: (scope: TeamScope) => updatePaymentMethod(scope, { cardNumber: '1234 5678 9012 3456' }),
    field: 'cardNumber',
    message: 'The sandbox only accepts its test cards',
  },
  {
    name: 'empty card',
    run: (scope: TeamScope) => updatePaymentMethod(scope, { cardNumber: ' ' }),
    field: 'cardNumber',
    message: 'Enter a card number',
  },
])('invalid input ($name) is a field error and writes nothing', async ({ run, field, message }) => {
  const { team, scope } = await createTestTeam()
  const before = await readConfigVersion(db)
  const error = toAppError(await rejection(() => run(scope)))
  expect(error.status).toBe(422)
  expect(error.fieldErrors?.[field]).toContainEqual(message)
  expect(await books(team.id)).toEqual({ account: null, entries: [] })
  expect(await readConfigVersion(db)).toBe(before)
})

function topUp(overrides: Record<string, string>) {
  return (scope: TeamScope) => topUpBalance(scope, { amount: '10', idempotencyKey: createId('topup'), ...overrides })
}
function settings(overrides: Record<string, string>) {
  return (scope: TeamScope) =>
    updateBillingSettings(scope, { monthlyBudget: '', alertThresholds: '80,100', creditLimit: '0', ...overrides })
}

test("cross-team: one team's actions never touch another team's account or incidents", async () => {
  const a = await teamWithCard()
  const b = await teamWithCard()
  await updateBillingSettings(a.scope, { monthlyBudget: '7', alertThresholds: '80', creditLimit: '3' })
  const aIncident = await openIncident(a.teamId, 'insufficient_balance')
  const aBudgetIncident = await openIncident(a.teamId, 'budget_exceeded')
  const aBefore = (await books(a.teamId)).account

  // B replays A's form key: namespaced per team, so B gets its own entry and A is untouched.
  const key = createId('topup')
  await topUpBalance(a.scope, { amount: '5', idempotencyKey: key })
  await topUpBalance(b.scope, { amount: '8', idempotencyKey: key })
  await updateBillingSettings(b.scope, { monthlyBudget: '', alertThresholds: '100', creditLimit: '9' })
  await updatePaymentMethod(b.scope, { cardNumber: VISA })

  expect(await getLedgerBalance({ teamId: a.teamId })).toEqual({
    accountBalanceMicros: 5_000_000n,
    ledgerSumMicros: 5_000_000n,
  })
  expect(await getLedgerBalance({ teamId: b.teamId })).toEqual({
    accountBalanceMicros: 8_000_000n,
    ledgerSumMicros: 8_000_000n,
  })
  expect((await books(a.teamId)).account).toMatchObject({
    monthlyBudgetMicros: aBefore?.monthlyBudgetMicros,
    creditLimitMicros: 3_000_000n,
    alertThresholds: '80',
  })
  // A's own top-up resolved its insufficient_balance; B's budget removal did not touch A's budget incident.
  expect(await incidentState(aIncident.id)).toBe('RESOLVED')
  expect(await incidentState(aBudgetIncident.id)).toBe('OPEN')
})
