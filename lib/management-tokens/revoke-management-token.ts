import type { TeamScope } from '@/lib/auth/actor'
import { roleCan } from '@/lib/auth/permissions'
import { db, type Tx } from '@/lib/db'
import { conflict, forbidden, notFound } from '@/lib/errors/app-error'
import type { ManagementTokenOutput, RevokeManagementTokenInput } from './schemas'
import { MANAGEMENT_TOKEN_SELECT, toManagementTokenOutput } from './to-management-token-output'

/**
 * Revokes a token at once. Its creator may revoke it; so may anyone who manages the team. The team
 * id in every WHERE makes another team's token id read as "not found".
 */
export async function revokeManagementToken(
  { teamId, actor }: TeamScope,
  { tokenId }: RevokeManagementTokenInput,
  tx: Tx = db,
): Promise<ManagementTokenOutput> {
  const token = await tx.managementToken.findFirst({ where: { id: tokenId, teamId }, select: MANAGEMENT_TOKEN_SELECT })
  if (!token) throw notFound('Token')
  if (token.createdById !== actor.userId && !roleCan(actor.role, 'team.manage')) {
    throw forbidden('Only the token’s creator or a team admin can revoke it')
  }
  const { count } = await tx.managementToken.updateMany({
    where: { id: tokenId, teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count === 0) throw conflict('This token is already revoked', 'token_already_revoked')
  return toManagementTokenOutput({ ...token, revokedAt: new Date() })
}
