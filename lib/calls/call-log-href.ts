import type { TeamView } from '@/lib/teams/team-view'
import type { AiCallScope, AttemptsFilter } from './schemas'

// Links into the call log with filters set: the dashboards' drill-downs all go through here so
// their param names always match what parseCallLogQuery reads. Safe in client components.

export type CallLogLink = {
  view: TeamView
  from?: string | Date
  to?: string | Date
  status?: string
  api?: string
  version?: string
  /** A key id, or "none" for calls made without a key. */
  key?: string
  slow?: number
  /** A payment incident: its blocked calls, whatever the time range. */
  incident?: string
  /** A consumer team's id: its calls to our APIs (owner view only). */
  consumer?: string
  /** An AI API's exposed model: the calls that asked for it. */
  model?: string
  /** The provider model that served (the AI dashboard's per-provider rows). */
  provider?: string
  /** Only AI calls served on the first attempt or by a fallback. */
  attempts?: AttemptsFilter
  /** Only AI calls whose usage was estimated. */
  estimated?: boolean
  /** Only AI calls: any of them (true), or those that reached or were served by a provider. */
  ai?: boolean | Exclude<AiCallScope, 'any'>
}

export function callLogHref(teamSlug: string, link: CallLogLink): string {
  const params = new URLSearchParams()
  if (link.view !== 'owner') params.set('view', link.view)
  if (link.api) params.set('api', link.api)
  if (link.version) params.set('version', link.version)
  if (link.key) params.set('key', link.key)
  if (link.model) params.set('model', link.model)
  if (link.provider) params.set('provider', link.provider)
  if (link.attempts) params.set('attempts', link.attempts)
  if (link.estimated) params.set('estimated', '1')
  // A model names AI calls already; a narrower scope still counts.
  if (link.ai === true && !link.model) params.set('ai', '1')
  else if (typeof link.ai === 'string') params.set('ai', link.ai)
  if (link.status) params.set('status', link.status)
  if (link.incident) params.set('incident', link.incident)
  if (link.consumer && link.view === 'owner') params.set('consumer', link.consumer)
  if (link.slow !== undefined) params.set('slow', String(Math.floor(link.slow)))
  if (link.from) params.set('from', new Date(link.from).toISOString())
  if (link.to) params.set('to', new Date(link.to).toISOString())
  const query = params.toString()
  return `/t/${encodeURIComponent(teamSlug)}/calls${query ? `?${query}` : ''}`
}
