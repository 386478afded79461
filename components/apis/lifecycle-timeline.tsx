import { StateBadge } from '@/components/ui/badge'

export type TimelineEvent = {
  id: string
  action: string
  fromState: string | null
  toState: string | null
  reason: string | null
  actorEmail: string | null
  createdAt: Date | string
  /** Either form works: listLifecycleEvents gives versionLabel, a Prisma select gives version. */
  versionLabel?: string | null
  version?: { version: string } | null
}

const ACTION_LABELS: Record<string, string> = {
  create: 'Draft created',
  publish: 'Published',
  publish_override: 'Published with breaking changes (override)',
  deprecate: 'Deprecated',
  retire: 'Retired',
  retire_early: 'Retired before the sunset date',
  delete: 'Draft deleted',
}

/** The append-only audit trail of an API's versions, newest first. */
export function LifecycleTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No lifecycle events yet.</p>
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-4" aria-label="Lifecycle history">
      {events.map((event) => {
        const label = event.versionLabel ?? event.version?.version ?? null
        const at = new Date(event.createdAt)
        return (
          <li key={event.id} className="relative" data-lifecycle-event={event.action}>
            <span
              className="absolute top-1.5 -left-[21px] h-2.5 w-2.5 rounded-full bg-slate-300 ring-4 ring-white"
              aria-hidden
            />
            <p className="flex flex-wrap items-center gap-1.5 text-sm text-slate-900">
              {label ? <code className="font-mono text-xs font-semibold">{label}</code> : null}
              <span className="font-medium">{ACTION_LABELS[event.action] ?? event.action}</span>
              {event.fromState ? <StateBadge state={event.fromState} /> : null}
              {event.fromState && event.toState ? (
                <span aria-hidden className="text-slate-400">
                  →
                </span>
              ) : null}
              {event.toState ? <StateBadge state={event.toState} /> : null}
            </p>
            {event.reason ? <p className="mt-0.5 text-sm whitespace-pre-line text-slate-600">{event.reason}</p> : null}
            <p className="mt-0.5 text-xs text-slate-500">
              <time dateTime={at.toISOString()}>{at.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
              {event.actorEmail ? <> · {event.actorEmail}</> : null}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
