import type { Metadata } from 'next'
import { NotificationBell } from '@/components/notifications/notification-bell'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { countUnreadNotifications } from '@/lib/notifications/count-unread-notifications'

// Membership is checked here, above every loading boundary, so a team you are not in answers a
// real 404 status before any streaming starts. Pages call requireTeamPage again (cached) for context.
// Owners and admins, who receive the team's notifications, see the unread count on every team page.
// Every team page's title names the team: "Billing · acme · Tollgate", so tabs of two teams differ.
export async function generateMetadata({ params }: { params: Promise<{ team: string }> }): Promise<Metadata> {
  const { team } = await params
  return { title: { template: `%s · ${team} · Tollgate`, default: `${team} · Tollgate` } }
}

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode
  params: Promise<{ team: string }>
}) {
  const { team: slug } = await params
  const context = await requireTeamPage(slug)
  const unread = context.can('team.manage') ? await countUnreadNotifications(scopeOf(context)) : null
  return (
    <>
      {unread !== null ? (
        <div className="-mb-2 flex items-center justify-end">
          <NotificationBell
            teamSlug={slug}
            unread={unread}
            className="text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          />
        </div>
      ) : null}
      {children}
    </>
  )
}
