import type { TeamScope } from '@/lib/auth/actor'
import { db, type Tx } from '@/lib/db'
import { sha256Hex } from '@/lib/crypto/hash'
import { createId, randomToken } from '@/lib/ids'
import { INVITE_TTL_DAYS, type CreateInviteInput } from './schemas'
import { assertCanTouchOwnerRole } from './owner-role'

export type CreatedInvite = {
  invite: { id: string; role: CreateInviteInput['role']; email: string | null; expiresAt: Date }
  /** The raw token. It is returned exactly once; only its SHA-256 is stored. */
  token: string
}

export function hashInviteToken(token: string): string {
  return sha256Hex(token)
}

export async function createInvite(
  { teamId, actor }: TeamScope,
  input: CreateInviteInput,
  now = new Date(),
  tx: Tx = db,
): Promise<CreatedInvite> {
  assertCanTouchOwnerRole(actor, input.role)
  // 40 characters from a 36-letter alphabet is about 206 bits: unguessable, and URL-safe as is.
  const token = randomToken(40)
  const invite = await tx.invite.create({
    data: {
      id: createId('inv'),
      teamId,
      tokenHash: hashInviteToken(token),
      role: input.role,
      email: input.email ?? null,
      expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000),
      createdById: actor.userId,
    },
    select: { id: true, role: true, email: true, expiresAt: true },
  })
  return { invite, token }
}
