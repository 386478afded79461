import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { createId } from '@/lib/ids'
import { createManagementTokenSchema, type CreateManagementTokenInput, type ManagementTokenOutput } from './schemas'
import { generateManagementToken, hashManagementToken, managementTokenPrefix } from './token-format'
import { MANAGEMENT_TOKEN_SELECT, toManagementTokenOutput } from './to-management-token-output'

/**
 * Creates a management token for the actor, capped at the actor's role (recorded on the row and
 * checked again against their membership at every use). The value is returned here and only here.
 * `value` is for the seed alone, which must produce a token with a value the operator chose.
 */
export async function createManagementToken(
  { teamId, actor }: TeamScope,
  raw: CreateManagementTokenInput,
  { value = generateManagementToken() }: { value?: string } = {},
  tx: Tx = db,
): Promise<{ token: ManagementTokenOutput; value: string }> {
  const input = createManagementTokenSchema.parse(raw)
  const row = await tx.managementToken.create({
    data: {
      id: createId('mtk'),
      teamId,
      name: input.name,
      prefix: managementTokenPrefix(value),
      hash: hashManagementToken(value),
      role: actor.role,
      access: input.access,
      grantBilling: input.grantBilling,
      grantAi: input.grantAi,
      expiresAt: input.expiresAt ?? null,
      createdById: actor.userId,
    },
    select: MANAGEMENT_TOKEN_SELECT,
  })
  return { token: toManagementTokenOutput(row), value }
}
