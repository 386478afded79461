import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createProvider } from '@/lib/ai/console/create-provider'
import { db } from '@/lib/db'
import { createTestTeam, type TestTeam } from '@/lib/testing/create-test-team'
import { setupTestDatabase } from '@/lib/testing/test-database'
import { audited } from './audit-context'
import { describeAs } from './describe-change'
import type { AuditSource } from './write-audit-entry'

// `audited` with `transaction: true` (what teamAction's `transaction` option runs): the change and
// its audit entry commit together, or neither does.

let cleanup: () => Promise<void>
let team: TestTeam

beforeAll(async () => {
  cleanup = (await setupTestDatabase()).cleanup
  team = await createTestTeam({ label: 'audited-tx' })
})
afterAll(async () => {
  await cleanup?.()
})

const sourceFor = (teamId: string): AuditSource => ({
  teamId,
  origin: 'CONSOLE',
  actor: { userId: team.scope.actor.userId, email: team.scope.actor.email },
})

const input = (name: string) => ({ name, kind: 'OLLAMA' as const, baseUrl: 'http://127.0.0.1:11434' })

function createAudited(name: string, source: AuditSource, transaction: boolean) {
  return audited(
    source,
    describeAs('ai_provider.create', input(name), team.id),
    (tx) => createProvider(team.scope, input(name), tx),
    { transaction },
  )
}

const providerCount = (name: string) => db.aiProvider.count({ where: { teamId: team.id, name } })
const entryCount = () => db.auditEntry.count({ where: { teamId: team.id } })

describe('an audited transaction', () => {
  test('one change writes exactly one entry, committed with it', async () => {
    const before = await entryCount()
    const provider = await createAudited('committed', sourceFor(team.id), true)
    expect(await providerCount('committed')).toBe(1)
    expect(await entryCount()).toBe(before + 1)
    const entry = await db.auditEntry.findFirstOrThrow({ where: { teamId: team.id, targetId: provider.id } })
    expect(entry).toMatchObject({ action: 'ai_provider.create', targetType: 'ai_provider', origin: 'CONSOLE' })
  })

  test('when the audit entry cannot be written, the change is rolled back', async () => {
    // An entry for a team that does not exist: the database refuses the row (foreign key).
    const broken = sourceFor('team_does_not_exist')
    await expect(createAudited('rolled-back', broken, true)).rejects.toThrow()
    expect(await providerCount('rolled-back')).toBe(0)
    // Without the transaction the same failure leaves the change in place: the case this fixes.
    await expect(createAudited('left-behind', broken, false)).rejects.toThrow()
    expect(await providerCount('left-behind')).toBe(1)
  })

  test('a refused change leaves no entry', async () => {
    const before = await entryCount()
    await expect(createAudited('committed', sourceFor(team.id), true)).rejects.toMatchObject({
      code: 'provider_name_taken',
    })
    expect(await entryCount()).toBe(before)
  })
})
