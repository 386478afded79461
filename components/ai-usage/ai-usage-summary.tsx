import { Money } from '@/components/ui/money'
import { StatTiles } from '@/components/ui/stat-tiles'
import { formatChange, formatCount, formatPercent } from '@/components/ui/format'
import type { AiUsageSummary } from '@/lib/analytics/ai-usage/get-ai-usage-summary'
import { formatCents } from '@/lib/billing/money'
import { callLogHref, type CallLogLink } from '@/lib/calls/call-log-href'
import type { TeamView } from '@/lib/teams/team-view'

/**
 * The AI dashboard's headline numbers, each against the period just before; each opens the AI
 * calls behind it (those that reached a provider).
 */
export function AiUsageSummaryTiles({
  teamSlug,
  view,
  window,
  currency,
  summary,
  previous,
}: {
  teamSlug: string
  view: TeamView
  window: { from: Date; to: Date }
  currency: string
  summary: AiUsageSummary
  /** The same figures over the period of the same length just before. */
  previous: AiUsageSummary
}) {
  const href = (extra: Omit<CallLogLink, 'view'> = {}) =>
    callLogHref(teamSlug, { view, ai: 'reached', from: window.from, to: window.to, ...extra })
  const tiles = [
    {
      label: 'AI calls',
      value: formatCount(summary.calls),
      detail: formatChange(summary.calls, previous.calls),
      href: href(),
    },
    {
      label: 'Input tokens',
      value: formatCount(summary.inputTokens),
      detail: formatChange(summary.inputTokens, previous.inputTokens),
      href: href(),
    },
    {
      label: 'Output tokens',
      value: formatCount(summary.outputTokens),
      detail: formatChange(summary.outputTokens, previous.outputTokens),
      href: href(),
    },
    {
      label: view === 'owner' ? 'Earned' : 'Spent',
      value: <Money micros={summary.costMicros} currency={currency} />,
      // The change is a ratio: micro-units as numbers are exact enough for a percentage.
      detail: formatChange(Number(summary.costMicros), Number(previous.costMicros), (micros) =>
        formatCents(BigInt(Math.round(micros)), currency),
      ),
      href: href(),
    },
    {
      label: 'Estimated usage',
      value: formatPercent(summary.estimatedShare),
      detail: `${formatCount(summary.estimatedCalls)} calls counted by the tokenizer`,
      href: href({ estimated: true }),
    },
    {
      label: 'Served by a fallback',
      value: formatCount(summary.fallbackCalls),
      detail: formatChange(summary.fallbackCalls, previous.fallbackCalls),
      href: href({ attempts: 'fallback' }),
    },
    {
      label: 'Provider errors',
      value: formatCount(summary.failedCalls),
      detail: formatChange(summary.failedCalls, previous.failedCalls),
      href: href({ status: '5xx' }),
    },
  ]
  return <StatTiles tiles={tiles} className="grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" />
}
