import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AddVersionCard } from '@/components/apis/add-version-card'
import { ApiOverviewPanel } from '@/components/apis/api-overview'
import { ApiTabs, apiTabHref, parseApiTab } from '@/components/apis/api-tabs'
import { CaptureSettingsForm } from '@/components/apis/capture-settings-form'
import { EditApiForm } from '@/components/apis/edit-api-form'
import { LifecycleTimeline } from '@/components/apis/lifecycle-timeline'
import { PlanForm } from '@/components/apis/plan-form'
import { PlansTable } from '@/components/apis/plans-table'
import { VersionsTable } from '@/components/apis/versions-table'
import { Badge, StateBadge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { getAiVersionDesign } from '@/lib/ai/console/get-ai-version-design'
import { listModelChoices } from '@/lib/ai/console/list-models'
import { getPromptVersionDesign } from '@/lib/ai/prompt/get-prompt-version-design'
import { listPromptModelChoices } from '@/lib/ai/prompt/list-prompt-model-choices'
import { getApiBySlug } from '@/lib/apis/get-api'
import { getApiOverview } from '@/lib/apis/get-api-overview'
import { getVersion } from '@/lib/apis/get-version'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { listLifecycleEvents } from '@/lib/lifecycle/list-lifecycle-events'
import { listVersionCallers } from '@/lib/lifecycle/list-version-callers'
import { earliestSunset, minSunsetDays } from '@/lib/lifecycle/state-machine'
import { planFormValues } from '@/lib/plans/plan-form-values'
import { updateApiAction } from '../actions'
import {
  checkPublishAction,
  deprecateVersionAction,
  publishVersionAction,
  retireVersionAction,
} from './lifecycle-actions'
import { archivePlanAction, createPlanAction, updatePlanAction } from './plan-actions'
import { notifyCallersAction, updateCaptureAction } from './settings-actions'
import { createAiVersionAction, createPromptVersionAction, deleteDraftVersionAction } from './version-actions'

// The buttons of each version row, as one set of server actions.
const VERSION_ACTIONS = {
  checkPublish: checkPublishAction,
  publish: publishVersionAction,
  deprecate: deprecateVersionAction,
  retire: retireVersionAction,
  deleteDraft: deleteDraftVersionAction,
  notifyCallers: notifyCallersAction,
}

type Props = {
  params: Promise<{ team: string; api: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).api} · APIs` }
}

export default async function ApiDetailPage({ params, searchParams }: Props) {
  const [{ team, api: slug }, query] = await Promise.all([params, searchParams])
  const context = await requireTeamPage(team)
  const scope = scopeOf(context)
  const api = await getApiBySlug(scope, { slug })
  if (!api) notFound()
  const latest = api.versions[0]
  const isAi = api.kind === 'AI_CHAT'
  const isPrompt = api.kind === 'AI_PROMPT'
  const tab = parseApiTab(query.tab, api.versions.length > 0)
  const now = new Date()
  // Each tab reads only what it shows.
  const onVersions = tab === 'versions'
  const [events, latestVersion, modelChoices, latestDesign, promptChoices, latestPrompt, overview, callers] =
    await Promise.all([
      tab === 'history' ? listLifecycleEvents(scope, { apiId: api.id }) : [],
      onVersions && latest && api.kind === 'REST' ? getVersion(scope, { versionId: latest.id }) : null,
      onVersions && isAi ? listModelChoices(scope) : [],
      onVersions && isAi && latest ? getAiVersionDesign(scope, { versionId: latest.id }) : null,
      onVersions && isPrompt ? listPromptModelChoices(scope) : [],
      onVersions && isPrompt && latest ? getPromptVersionDesign(scope, { versionId: latest.id }) : null,
      tab === 'overview' ? getApiOverview(scope, { apiId: api.id, now }) : null,
      onVersions
        ? listVersionCallers(scope, {
            versionIds: api.versions
              .filter((v) => v.state === 'PUBLISHED' || v.state === 'DEPRECATED')
              .map((v) => v.id),
            now,
          })
        : null,
    ])
  const permissions = {
    canWrite: context.can('apis.write'),
    canPublish: context.can('apis.publish'),
    canRetireEarly: context.can('apis.retire_early'),
  }
  const basePath = `/t/${team}/apis/${api.slug}`
  const plansHref = apiTabHref(basePath, 'plans')
  // ?editPlan=<id> swaps the new-plan form for that plan's edit form; an unknown id is ignored.
  const editing = permissions.canWrite ? api.plans.find((p) => p.id === query.editPlan && !p.archivedAt) : undefined

  return (
    <div className="mx-auto max-w-7xl">
      <p className="mb-2 text-sm">
        <Link href={`/t/${team}/apis`} className="text-slate-500 hover:text-slate-800">
          ← APIs
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {api.name} <StateBadge state={api.state} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <code className="font-mono">{api.slug}</code>
            <Badge>{api.kind}</Badge>
            <Badge tone={api.visibility === 'INTERNAL' ? 'blue' : 'gray'}>
              {api.visibility === 'INTERNAL' ? 'Internal' : 'Private'}
            </Badge>
          </span>
        }
        actions={
          api.versions.length > 1 ? (
            <ButtonLink variant="secondary" href={`${basePath}/diff`}>
              Compare versions
            </ButtonLink>
          ) : null
        }
      />
      <ApiTabs basePath={basePath} active={tab} />
      {tab === 'overview' && overview ? (
        <ApiOverviewPanel
          teamSlug={team}
          apiId={api.id}
          currency={api.plans[0]?.currency ?? 'USD'}
          overview={overview}
          versions={api.versions}
        />
      ) : null}
      {tab === 'versions' ? (
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="versions-heading" className="space-y-2">
            <h2 id="versions-heading" className="text-sm font-semibold text-slate-900">
              Versions
            </h2>
            {api.versions.length > 0 ? (
              <VersionsTable
                teamSlug={team}
                apiSlug={api.slug}
                versions={api.versions}
                permissions={permissions}
                now={now}
                earliestSunset={earliestSunset(now, minSunsetDays()).toISOString().slice(0, 10)}
                actions={VERSION_ACTIONS}
                callers={callers ? Object.fromEntries(callers) : undefined}
              />
            ) : (
              <p className="text-sm text-slate-500">
                No versions yet.{permissions.canWrite ? ' Add the first one below.' : ''}
              </p>
            )}
          </section>
          {permissions.canWrite ? (
            <AddVersionCard
              team={team}
              api={api}
              isPrompt={isPrompt}
              isAi={isAi}
              latest={latest}
              latestPrompt={latestPrompt}
              latestDesign={latestDesign}
              latestVersion={latestVersion}
              promptChoices={promptChoices}
              modelChoices={modelChoices}
              actions={{ createPrompt: createPromptVersionAction, createAi: createAiVersionAction }}
            />
          ) : null}
        </div>
      ) : null}
      {tab === 'plans' ? (
        <div id="plans">
          <Card>
            <CardHeader
              title="Plans"
              description="Consumers subscribe to a plan. Publishing needs at least one active plan."
            />
            <CardBody className="space-y-5">
              <PlansTable
                teamSlug={team}
                plans={api.plans}
                canWrite={permissions.canWrite}
                editHref={(planId) => `${plansHref}&editPlan=${planId}`}
                archive={archivePlanAction}
              />
              {editing ? (
                <PlanForm
                  key={editing.id}
                  action={updatePlanAction}
                  teamSlug={team}
                  plan={planFormValues(editing)}
                  cancelHref={plansHref}
                />
              ) : permissions.canWrite ? (
                <PlanForm action={createPlanAction} teamSlug={team} apiId={api.id} />
              ) : null}
            </CardBody>
          </Card>
        </div>
      ) : null}
      {tab === 'settings' ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <EditApiForm
                action={updateApiAction}
                teamSlug={team}
                canEdit={permissions.canWrite}
                api={{
                  id: api.id,
                  name: api.name,
                  description: api.description,
                  tags: api.tags.map((t) => t.tag),
                  visibility: api.visibility,
                }}
              />
            </CardBody>
          </Card>
          {api.versions.length > 0 ? (
            <Card>
              <CardHeader
                title="Call capture"
                description="What the gateway keeps of each call beyond the call log: headers with secrets redacted, and optionally the first 16 KB of each body (an AI answer streamed to the caller is kept assembled). Off by default; shown on the call's detail page to both teams of the call."
              />
              <CardBody className="space-y-4">
                {api.versions.map((v) => (
                  <CaptureSettingsForm
                    key={v.id}
                    teamSlug={team}
                    canEdit={permissions.canWrite}
                    action={updateCaptureAction}
                    version={{
                      id: v.id,
                      version: v.version,
                      captureMode: v.captureMode,
                      captureRetentionDays: v.captureRetentionDays,
                    }}
                  />
                ))}
              </CardBody>
            </Card>
          ) : null}
        </div>
      ) : null}
      {tab === 'history' ? (
        <Card>
          <CardHeader title="Lifecycle history" />
          <CardBody>
            <LifecycleTimeline events={events} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  )
}
