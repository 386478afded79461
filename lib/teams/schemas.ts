import { z } from 'zod'
import { idInput } from '@/lib/validation/ids'
import { plainText } from '@/lib/validation/text'

// Input schemas for the teams domain. FormData sends strings, so optional fields treat "" as unset.

const ROLE_VALUES = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const
export const roleSchema = z.enum(ROLE_VALUES, { error: 'Choose a role' })

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .transform((value) => value || undefined)
  .pipe(z.email('Enter a valid email address').optional())
  .optional()

// Slugs appear in URLs and gateway paths (/t/<slug>, /gw/<slug>/...), so they stay URL-safe.
export const teamSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters')
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens (no hyphen at either end)')

export const createTeamSchema = z.object({
  name: plainText().min(2, 'Use at least 2 characters').max(80, 'Use at most 80 characters'),
  slug: teamSlugSchema,
  contactEmail: optionalEmail,
})
export type CreateTeamInput = z.infer<typeof createTeamSchema>

// The slug is fixed after creation: it is part of every gateway URL consumers already call.
export const updateTeamSchema = createTeamSchema.pick({ name: true, contactEmail: true })
export type UpdateTeamInput = z.infer<typeof updateTeamSchema>

export const INVITE_TTL_DAYS = 7

/** The invite form's result: the link's token, shown once. */
export type NewInvite = { token: string; role: string; email: string | null; expiresAt: string }

export const createInviteSchema = z.object({
  role: roleSchema,
  email: optionalEmail,
})
export type CreateInviteInput = z.infer<typeof createInviteSchema>

const idSchema = idInput()

export const changeMemberRoleSchema = z.object({ membershipId: idSchema, role: roleSchema })
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>

export const removeMemberSchema = z.object({ membershipId: idSchema })
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>
export const revokeInviteSchema = z.object({ inviteId: idSchema })
export type RevokeInviteInput = z.infer<typeof revokeInviteSchema>

// Invite tokens are randomToken(40) from lib/ids: lowercase letters and digits only.
export const inviteTokenSchema = z.string().regex(/^[0-9a-z]{20,80}$/)
