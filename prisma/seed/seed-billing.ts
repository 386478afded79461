import type { PaymentMethodStatus } from '@/generated/sqlite/enums'
import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { daysAgo, type SeedConfig } from './seed-config'
import type { SeedCounter } from './seed-counter'
import type { DemoTeamSlug, SeededTeams } from './seed-teams'

// The accounts as they stand after the billing history (seed-billing-history.ts), which adds the
// top-ups and charges: initech pays by card with no credit line, globex's budget was raised to
// 150 USD after it ran into the old one.
const DEMO_BILLING: Record<
  DemoTeamSlug,
  { creditMicros: bigint; status: PaymentMethodStatus; label: string | null; budgetMicros: bigint | null }
> = {
  acme: { creditMicros: 100_000_000n, status: 'VALID', label: 'Visa •••• 4242', budgetMicros: null },
  globex: { creditMicros: 25_000_000n, status: 'VALID', label: 'Mastercard •••• 5454', budgetMicros: 150_000_000n },
  initech: { creditMicros: 0n, status: 'VALID', label: 'Visa •••• 4242', budgetMicros: null },
}

/** One billing account per team, plus a welcome top-up recorded in the ledger so balance = sum(entries). */
export async function seedBilling(db: Db, config: SeedConfig, teams: SeededTeams, counter: SeedCounter): Promise<void> {
  for (const [slug, spec] of Object.entries(DEMO_BILLING) as Array<
    [DemoTeamSlug, (typeof DEMO_BILLING)[DemoTeamSlug]]
  >) {
    const teamId = teams[slug].id
    await counter.upsert(
      'billing account',
      () => db.billingAccount.findUnique({ where: { teamId } }),
      () =>
        db.billingAccount.create({
          data: {
            id: createId('bill'),
            teamId,
            paymentMethodStatus: spec.status,
            paymentMethodLabel: spec.label,
            monthlyBudgetMicros: spec.budgetMicros,
          },
        }),
    )
    if (spec.creditMicros <= 0n) continue
    const idempotencyKey = `seed:welcome-credit:${slug}`
    if (await db.ledgerEntry.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue
    // The entry and the balance move together, whatever the balance already was.
    await db.$transaction([
      db.ledgerEntry.create({
        data: {
          id: createId('led'),
          teamId,
          kind: 'TOP_UP',
          amountMicros: spec.creditMicros,
          idempotencyKey,
          description: 'Welcome credit (demo data)',
          createdAt: daysAgo(config.now, 30),
        },
      }),
      db.billingAccount.update({ where: { teamId }, data: { balanceMicros: { increment: spec.creditMicros } } }),
    ])
    counter.changed('ledger entry')
  }
}
