import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AiDesignView } from '@/components/apis/ai-design-view'
import { AiVersionForm } from '@/components/apis/ai-version-form'
import { PromptPlayground } from '@/components/apis/prompt-playground'
import { PromptDesignView } from '@/components/apis/prompt-design-view'
import { PromptVersionForm } from '@/components/apis/prompt-version-form'
import { VersionDetails } from '@/components/apis/version-details'
import { VersionForm } from '@/components/apis/version-form'
import { ApiReference, versionDetailUrl } from '@/components/openapi/api-reference'
import { StateBadge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader, PageHeader } from '@/components/ui/card'
import { getAiVersionDesign } from '@/lib/ai/console/get-ai-version-design'
import { listModelChoices } from '@/lib/ai/console/list-models'
import { getPromptVersionDesign } from '@/lib/ai/prompt/get-prompt-version-design'
import { listPromptModelChoices } from '@/lib/ai/prompt/list-prompt-model-choices'
import { editableContract } from '@/lib/apis/editable-contract'
import { getApiBySlug } from '@/lib/apis/get-api'
import { getVersion } from '@/lib/apis/get-version'
import { nextVersionLabel } from '@/lib/apis/next-version-label'
import { scopeOf } from '@/lib/auth/actor'
import { requireTeamPage } from '@/lib/auth/team-context'
import { maxOpenApiBytes } from '@/lib/openapi/openapi-limits.mjs'
import { readContractIndex } from '@/lib/catalog/read-contract-index'
import { runPromptDraftAction, updateAiVersionAction, updatePromptVersionAction } from '../../version-actions'

type Props = { params: Promise<{ team: string; api: string; version: string }> }

export const metadata: Metadata = { title: 'Version' }

export default async function VersionPage({ params }: Props) {
  const { team, api: slug, version: versionId } = await params
  const context = await requireTeamPage(team)
  const scope = scopeOf(context)
  const api = await getApiBySlug(scope, { slug })
  if (!api) notFound()
  // The version must belong to this team *and* this API, or the page does not exist.
  const version = await getVersion(scope, { apiId: api.id, versionId })
  if (!version) notFound()
  // The index stored when the contract was saved: the page never parses or validates the document.
  const index = await readContractIndex(version)
  const canWrite = context.can('apis.write')
  const contract = editableContract(version)
  // What the version form edits, and what a member who cannot edit reads instead.
  const editable = {
    id: version.id,
    version: version.version,
    state: version.state,
    upstreamUrl: version.upstreamUrl,
    timeoutMs: version.timeoutMs,
    ...contract,
    convertedFrom: version.convertedFrom,
  }
  const isAi = api.kind === 'AI_CHAT'
  const [design, modelChoices] = isAi
    ? await Promise.all([getAiVersionDesign(scope, { versionId: version.id }), listModelChoices(scope)])
    : [null, []]
  const isPrompt = api.kind === 'AI_PROMPT'
  const editablePrompt = isPrompt && version.state === 'DRAFT' && canWrite
  const editableAi = isAi && version.state === 'DRAFT' && canWrite
  const [prompt, promptChoices] = isPrompt
    ? await Promise.all([
        getPromptVersionDesign(scope, { versionId: version.id }),
        editablePrompt ? listPromptModelChoices(scope) : [],
      ])
    : [null, []]

  return (
    <div className="mx-auto max-w-7xl">
      <p className="mb-2 text-sm">
        <Link href={`/t/${team}/apis/${api.slug}?tab=versions`} className="text-slate-500 hover:text-slate-800">
          ← {api.name}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {api.name} <code className="font-mono">{version.version}</code> <StateBadge state={version.state} />
          </span>
        }
        description={
          isPrompt ? (
            <>Runs on {prompt?.runsOn.join(' → ') || 'no model yet'}</>
          ) : isAi ? (
            <>
              Exposes {design?.models.map((m) => m.name).join(', ') || 'no models yet'} · default{' '}
              {design?.defaultModel ?? '—'}
            </>
          ) : (
            <>
              Upstream <code className="font-mono">{version.upstreamUrl}</code> · timeout {version.timeoutMs} ms
            </>
          )
        }
      />
      <div className="space-y-6">
        {isPrompt ? (
          <>
            <Card>
              <CardHeader title={editablePrompt ? 'Prompt template' : 'Prompt template (fixed)'} />
              <CardBody>
                {editablePrompt ? (
                  <PromptVersionForm
                    action={updatePromptVersionAction}
                    teamSlug={team}
                    apiSlug={api.slug}
                    versionId={version.id}
                    choices={promptChoices}
                    initial={prompt ?? undefined}
                  />
                ) : prompt ? (
                  <PromptDesignView
                    design={prompt}
                    note={
                      version.state === 'DRAFT'
                        ? 'Only members who may edit APIs change a draft’s template.'
                        : 'Published templates are immutable; add a version to change it.'
                    }
                  />
                ) : (
                  <p className="text-sm text-red-700">This version has no prompt template.</p>
                )}
              </CardBody>
            </Card>
            {canWrite && prompt ? (
              <Card>
                <CardHeader
                  title="Playground"
                  description="Runs the saved template with sample variables against its model. Save the draft first to try a change."
                />
                <CardBody>
                  <PromptPlayground
                    key={JSON.stringify(prompt.fields)}
                    teamSlug={team}
                    versionId={version.id}
                    fields={prompt.fields}
                    action={runPromptDraftAction}
                  />
                </CardBody>
              </Card>
            ) : null}
          </>
        ) : isAi ? (
          <Card>
            <CardHeader title={editableAi ? 'Models and routes' : 'Models and routes (fixed)'} />
            <CardBody>
              {editableAi ? (
                <AiVersionForm
                  action={updateAiVersionAction}
                  teamSlug={team}
                  apiSlug={api.slug}
                  versionId={version.id}
                  models={modelChoices}
                  initial={design ?? undefined}
                />
              ) : (
                <AiDesignView
                  design={design}
                  modelNames={new Map(modelChoices.map((m) => [m.id, m.name]))}
                  note={
                    version.state === 'DRAFT'
                      ? 'Only members who may edit APIs change a draft’s models.'
                      : 'A published version’s models are part of its contract; add a new version to change them.'
                  }
                />
              )}
            </CardBody>
          </Card>
        ) : canWrite ? (
          <Card>
            <CardHeader title={version.state === 'DRAFT' ? 'Edit draft' : 'Change the contract'} />
            <CardBody>
              <VersionForm
                maxBytes={maxOpenApiBytes()}
                teamSlug={team}
                apiSlug={api.slug}
                apiId={api.id}
                suggestedLabel={nextVersionLabel(api.versions.map((v) => v.major))}
                existing={editable}
              />
            </CardBody>
          </Card>
        ) : (
          <Card>
            <CardHeader title="Version" />
            <CardBody>
              <VersionDetails version={editable} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="API reference" />
          <CardBody>
            {index ? (
              <ApiReference
                index={index}
                detailUrl={versionDetailUrl(version.id)}
                convertedFrom={version.convertedFrom}
              />
            ) : (
              <p className="text-sm text-red-700">This version&apos;s OpenAPI document could not be read.</p>
            )}
          </CardBody>
        </Card>
      </div>
    </div>
  )
}
