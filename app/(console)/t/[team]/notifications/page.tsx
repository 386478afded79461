import type { Metadata } from 'next'
import { SegmentedLinks } from '@/components/calls/segmented-links'
import { MarkReadButton } from '@/components/notifications/mark-read-button'
import { NotificationsList } from '@/components/notifications/notifications-list'
import { EmptyState, PageHeader } from '@/components/ui/card'
import { Pagination, withParams } from '@/components/ui/pagination'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listNotifications } from '@/lib/notifications/list-notifications'
import { parseListNotificationsQuery } from '@/lib/notifications/schemas'
import { markNotificationsReadAction } from './actions'

export const metadata: Metadata = { title: 'Notifications' }

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function NotificationsPage({ params, searchParams }: Props) {
  const [{ team: slug }, raw] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(slug)
  if (!context.can('team.manage')) {
    return (
      <div className="mx-auto max-w-3xl">
        <PageHeader title="Notifications" />
        <EmptyState
          title="Notifications go to owners and admins"
          description="Payment incidents and budget alerts are sent to the team's owners and admins (and to its webhook, if one is set). Ask one of them if you need to follow these."
        />
      </div>
    )
  }
  const query = parseListNotificationsQuery(raw)
  const list = await listNotifications(scopeOf(context), query)
  const basePath = `/t/${context.team.slug}/notifications`
  const current = { show: query.show === 'all' ? undefined : query.show }
  const newest = list.items[0]?.createdAt

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title="Notifications"
        description={`Payment incidents and budget alerts for ${context.team.name}. ${list.unread} unread.`}
        actions={
          <>
            <SegmentedLinks
              label="Show"
              options={[
                { label: 'All', href: withParams(basePath, {}, {}), active: query.show === 'all' },
                {
                  label: `Unread (${list.unread})`,
                  href: withParams(basePath, {}, { show: 'unread' }),
                  active: query.show === 'unread',
                },
              ]}
            />
            {list.unread > 0 && newest && query.page === 1 ? (
              <MarkReadButton
                teamSlug={context.team.slug}
                upTo={newest.toISOString()}
                label="Mark all read"
                action={markNotificationsReadAction}
              />
            ) : null}
          </>
        }
      />
      {list.items.length === 0 ? (
        <EmptyState
          title={query.show === 'unread' ? 'Nothing unread' : 'No notifications yet'}
          description="You are notified here when calls are refused with 402 (a payment incident opens) and when spend crosses a budget threshold."
        />
      ) : (
        <>
          <NotificationsList
            teamSlug={context.team.slug}
            notifications={list.items}
            markRead={markNotificationsReadAction}
          />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            hrefFor={(page) => withParams(basePath, current, { page })}
          />
        </>
      )}
    </div>
  )
}
