import { describe, expect, test } from 'vitest'
import { db, type Tx } from '@/lib/db'
import type { TestTeam } from '@/lib/testing/create-test-team'
import type { AuditAction } from '../audit-actions'
import { audited } from '../audit-context'
import { describeAs } from '../describe-change'

// Console changes run as teamAction runs them with `transaction: true`: `audited` hands the change
// its transaction. Each case checks that a refused audit entry rolls the change back, and that
// one change writes exactly one entry.

export type AtomicChangeCase = {
  label: string
  audit: AuditAction
  /** The acting team, a change it can make (prepared fresh for each run), and what that change would alter. */
  prepare: () => Promise<{ team: TestTeam; change: (tx?: Tx) => Promise<unknown>; observe: () => Promise<unknown> }>
}

function auditedChange(team: TestTeam, audit: AuditAction, change: (tx?: Tx) => Promise<unknown>, teamId = team.id) {
  const source = { teamId, origin: 'CONSOLE' as const, actor: team.scope.actor }
  return audited(source, describeAs(audit, null, team.id), change, { transaction: true })
}

const entryCount = (teamId: string) => db.auditEntry.count({ where: { teamId } })

export function describeAtomicChanges(cases: AtomicChangeCase[]): void {
  describe.each(cases)('$label', ({ audit, prepare }) => {
    test('is rolled back when its audit entry is refused', async () => {
      const { team, change, observe } = await prepare()
      const before = await observe()
      // An entry for a team that does not exist: the database refuses the row (foreign key).
      await expect(auditedChange(team, audit, change, 'team_does_not_exist')).rejects.toThrow()
      expect(await observe()).toEqual(before)
    })

    test('writes exactly one entry, committed with it', async () => {
      const { team, change, observe } = await prepare()
      const [before, entries] = [await observe(), await entryCount(team.id)]
      await auditedChange(team, audit, change)
      expect(await observe()).not.toEqual(before)
      expect(await entryCount(team.id)).toBe(entries + 1)
      const [entry] = await db.auditEntry.findMany({
        where: { teamId: team.id },
        orderBy: { createdAt: 'desc' },
        take: 1,
      })
      expect(entry).toMatchObject({ action: audit, origin: 'CONSOLE' })
    })
  })
}
