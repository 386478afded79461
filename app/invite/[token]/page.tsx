import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { ButtonLink } from '@/components/ui/button'
import { AcceptInviteForm } from '@/components/teams/accept-invite-form'
import { ROLE_LABELS } from '@/lib/teams/roles'
import { getSessionUser } from '@/lib/auth/team-context'
import { getInviteSummary, inviteError } from '@/lib/teams/accept-invite'
import { acceptInviteAction } from './actions'

export const metadata: Metadata = { title: 'Team invite' }

// proxy.ts lets /invite through unauthenticated (so the link works from any inbox); this page
// does its own check and sends signed-out visitors to sign in, then straight back here.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const user = await getSessionUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`)
  const invite = await getInviteSummary(token)

  return (
    <div className="grid min-h-screen place-items-center bg-slate-100 px-4">
      <div className="w-full max-w-md space-y-5 rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center gap-2">
          <span className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 font-bold text-white">T</span>
          <h1 className="text-lg font-semibold">Team invite</h1>
        </div>
        {invite.status === 'valid' ? (
          <>
            <p className="text-sm text-slate-700">
              You are invited to join <strong>{invite.team.name}</strong> as {ROLE_LABELS[invite.role].toLowerCase()}.
            </p>
            {invite.email && invite.email !== user.email ? (
              <p
                role="alert"
                data-form-error
                className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200"
              >
                This invite is for {invite.email}, but you are signed in as {user.email}. Sign in with that address to
                accept it.
              </p>
            ) : (
              <AcceptInviteForm token={token} email={user.email} action={acceptInviteAction} />
            )}
          </>
        ) : (
          <div className="space-y-4">
            <p
              role="alert"
              data-form-error
              data-invite-status={invite.status}
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
            >
              {inviteError(invite.status).message}
            </p>
            <ButtonLink href="/catalog" variant="secondary">
              Go to the catalog
            </ButtonLink>
          </div>
        )}
      </div>
    </div>
  )
}
