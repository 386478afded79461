import { Money } from '@/components/ui/money'
import { StatTiles } from '@/components/ui/stat-tiles'
import { formatCount, formatPercent } from '@/components/ui/format'
import type { AiUsageSummary } from '@/lib/analytics/ai-usage/get-ai-usage-summary'
import { callLogHref, type CallLogLink } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

/** The AI dashboard's headline numbers; each opens the AI calls behind it (those that reached a provider). */
export function AiUsageSummaryTiles({
  teamSlug,
  view,
  window,
  currency,
  summary,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  currency: string
  summary: AiUsageSummary
}) {
  const href = (extra: Omit<CallLogLink, 'view'> = {}) =>
    callLogHref(teamSlug, { view, ai: 'reached', from: window.from, to: window.to, ...extra })
  const tiles = [
    { label: 'AI calls', value: formatCount(summary.calls), href: href() },
    { label: 'Input tokens', value: formatCount(summary.inputTokens), href: href() },
    { label: 'Output tokens', value: formatCount(summary.outputTokens), href: href() },
    {
      label: view === 'owner' ? 'Earned' : 'Spent',
      value: <Money micros={summary.costMicros} currency={currency} />,
      href: href(),
    },
    {
      label: 'Estimated usage',
      value: formatPercent(summary.estimatedShare),
      detail: `${formatCount(summary.estimatedCalls)} calls counted by the tokenizer`,
      href: href({ estimated: true }),
    },
    { label: 'Served by a fallback', value: formatCount(summary.fallbackCalls), href: href({ attempts: 'fallback' }) },
    { label: 'Provider errors', value: formatCount(summary.failedCalls), href: href({ status: '5xx' }) },
  ]
  return <StatTiles tiles={tiles} className="grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" />
}
