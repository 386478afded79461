import Link from 'next/link'
import { formatTime } from '@/components/ui/format'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import type { FormAction } from '@/lib/auth/action-result'
import type { NotificationRow } from '@/lib/notifications/list-notifications'
import { MarkReadButton } from './mark-read-button'

const KIND_LABELS: Record<string, string> = {
  'payment_incident.opened': 'Payment incident',
  'budget.threshold_crossed': 'Budget',
}

/** Newest first; unread ones stand out and can be marked read one by one. */
export function NotificationsList({
  teamSlug,
  notifications,
  markRead,
}: {
  teamSlug: string
  notifications: NotificationRow[]
  markRead: FormAction<{ count: number }>
}) {
  return (
    <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      {notifications.map((n) => (
        <li
          key={n.id}
          data-notification={n.id}
          data-unread={n.readAt ? undefined : ''}
          className={cn('flex items-start gap-3 px-4 py-3', n.readAt ? '' : 'bg-brand-50/40')}
        >
          <span
            aria-hidden="true"
            className={cn('mt-1.5 h-2 w-2 shrink-0 rounded-full', n.readAt ? 'bg-transparent' : 'bg-brand-600')}
          />
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone={n.kind.startsWith('payment_incident') ? 'red' : 'amber'}>
                {KIND_LABELS[n.kind] ?? n.kind}
              </Badge>
              {n.link ? (
                <Link href={n.link} className="font-medium text-slate-900 hover:underline">
                  {n.title}
                </Link>
              ) : (
                <span className="font-medium text-slate-900">{n.title}</span>
              )}
              {n.readAt ? null : <span className="sr-only">(unread)</span>}
            </p>
            {n.body ? <p className="mt-0.5 text-sm text-slate-600">{n.body}</p> : null}
            <p className="mt-0.5 font-mono text-xs text-slate-400">{formatTime(n.createdAt)}</p>
          </div>
          {n.readAt ? null : (
            <MarkReadButton teamSlug={teamSlug} notificationId={n.id} label="Mark read" action={markRead} />
          )}
        </li>
      ))}
    </ul>
  )
}
