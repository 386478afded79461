import type { Role } from '@/generated/sqlite/enums'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'
import { hashInviteToken } from './create-invite'
import { inviteTokenSchema } from './schemas'

export type InviteStatus = 'valid' | 'expired' | 'used' | 'unknown'

export type InviteSummary =
  | { status: 'unknown' }
  | {
      status: Exclude<InviteStatus, 'unknown'>
      team: { slug: string; name: string }
      role: Role
      email: string | null
      expiresAt: Date
    }

const INVITE_ERRORS: Record<Exclude<InviteStatus, 'valid'>, { code: string; status: number; message: string }> = {
  unknown: {
    code: 'invite_not_found',
    status: 404,
    message: 'This invite link is not valid. Check that you copied all of it, or ask for a new one.',
  },
  expired: {
    code: 'invite_expired',
    status: 410,
    message: 'This invite link has expired. Ask a team owner or admin for a new one.',
  },
  used: {
    code: 'invite_used',
    status: 410,
    message: 'This invite link has already been used. Ask a team owner or admin for a new one.',
  },
}

export function inviteError(status: Exclude<InviteStatus, 'valid'>): AppError {
  return new AppError(INVITE_ERRORS[status])
}

/** What the /invite/<token> page shows before the visitor accepts. Never reveals anything for an unknown token. */
export async function getInviteSummary(token: string, now = new Date()): Promise<InviteSummary> {
  if (!inviteTokenSchema.safeParse(token).success) return { status: 'unknown' }
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      team: { select: { slug: true, name: true } },
    },
  })
  if (!invite) return { status: 'unknown' }
  const status = invite.acceptedAt ? 'used' : invite.expiresAt <= now ? 'expired' : 'valid'
  return { status, team: invite.team, role: invite.role, email: invite.email, expiresAt: invite.expiresAt }
}

export type AcceptedInvite = { teamSlug: string; role: Role; alreadyMember: boolean }

/**
 * Turns a valid invite into a membership. The invite is claimed with a conditional update
 * (acceptedAt still null), so two clicks on the same link can never create two members.
 */
export async function acceptInvite(
  user: { id: string; email: string },
  token: string,
  now = new Date(),
): Promise<AcceptedInvite> {
  if (!inviteTokenSchema.safeParse(token).success) throw inviteError('unknown')
  const tokenHash = hashInviteToken(token)
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash }, include: { team: { select: { slug: true } } } })
    if (!invite) throw inviteError('unknown')
    if (invite.acceptedAt) throw inviteError('used')
    if (invite.expiresAt <= now) throw inviteError('expired')
    if (invite.email && invite.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError({
        code: 'invite_email_mismatch',
        status: 403,
        message: `This invite is for ${invite.email}. Sign in with that address to accept it.`,
      })
    }

    // An existing member keeps their role: an invite must not silently demote or promote anyone.
    // The invite stays unused, so it is not wasted on a mistaken click.
    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invite.teamId, userId: user.id } },
      select: { role: true },
    })
    if (existing) return { teamSlug: invite.team.slug, role: existing.role, alreadyMember: true }

    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, acceptedAt: null },
      data: { acceptedAt: now },
    })
    if (claimed.count !== 1) throw inviteError('used')
    await tx.membership.create({
      data: { id: createId('mem'), teamId: invite.teamId, userId: user.id, role: invite.role },
    })
    return { teamSlug: invite.team.slug, role: invite.role, alreadyMember: false }
  })
}
