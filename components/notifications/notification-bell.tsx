import Link from 'next/link'
import { cn } from '@/components/ui/cn'

/**
 * The unread count, linking to the team's notifications. Render it only for members who receive
 * notifications (owners and admins: `context.can('team.manage')`), with
 * `unread = await countUnreadNotifications(context.team.id)`.
 */
export function NotificationBell({
  teamSlug,
  unread,
  className,
}: {
  teamSlug: string
  unread: number
  className?: string
}) {
  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
  return (
    <Link
      href={`/t/${teamSlug}/notifications`}
      aria-label={label}
      title={label}
      data-unread-count={unread}
      className={cn(
        'relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-400 hover:bg-slate-800 hover:text-white',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
        <path d="M10 2a6 6 0 0 0-6 6v2.59l-1.7 1.7A1 1 0 0 0 3 14h14a1 1 0 0 0 .7-1.7L16 10.58V8a6 6 0 0 0-6-6Zm0 16a3 3 0 0 1-2.83-2h5.66A3 3 0 0 1 10 18Z" />
      </svg>
      {unread > 0 ? (
        <span className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  )
}
