import type { ComponentProps } from 'react'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { editableContract } from '@/lib/apis/editable-contract'
import { nextVersionLabel } from '@/lib/apis/next-version-label'
import { maxOpenApiBytes } from '@/lib/openapi/openapi-limits.mjs'
import { AiVersionForm } from './ai-version-form'
import { PromptVersionForm } from './prompt-version-form'
import { VersionForm } from './version-form'

/**
 * The Versions tab's "Add a version" card, by the API's kind: a prompt template, an AI design, or
 * an OpenAPI contract with its upstream; each prefilled from the latest version.
 */
export function AddVersionCard({
  team,
  api,
  isPrompt,
  isAi,
  latest,
  latestPrompt,
  latestDesign,
  latestVersion,
  promptChoices,
  modelChoices,
  actions,
}: {
  team: string
  api: { id: string; slug: string; versions: Array<{ major: number }> }
  isPrompt: boolean
  isAi: boolean
  latest: { version: string } | undefined
  latestPrompt: ComponentProps<typeof PromptVersionForm>['initial'] | null
  latestDesign: ComponentProps<typeof AiVersionForm>['initial'] | null
  latestVersion:
    (Parameters<typeof editableContract>[0] & { version: string; upstreamUrl: string; timeoutMs: number }) | null
  promptChoices: ComponentProps<typeof PromptVersionForm>['choices']
  modelChoices: ComponentProps<typeof AiVersionForm>['models']
  actions: {
    createPrompt: ComponentProps<typeof PromptVersionForm>['action']
    createAi: ComponentProps<typeof AiVersionForm>['action']
  }
}) {
  return isPrompt ? (
    <Card>
      <CardHeader
        title="Add a version"
        description={
          latestPrompt
            ? `Prefilled with ${latest?.version}'s prompt; the typed REST contract is generated from the variables.`
            : 'Write the prompt and declare its variables; the typed REST contract is generated from them.'
        }
      />
      <CardBody>
        <PromptVersionForm
          action={actions.createPrompt}
          teamSlug={team}
          apiSlug={api.slug}
          apiId={api.id}
          choices={promptChoices}
          suggestedLabel={nextVersionLabel(api.versions.map((v) => v.major))}
          initial={latestPrompt ?? undefined}
        />
      </CardBody>
    </Card>
  ) : isAi ? (
    <Card>
      <CardHeader
        title="Add a version"
        description="Pick the models it exposes and route each to your team's models. The OpenAI-compatible contract is generated."
      />
      <CardBody>
        <AiVersionForm
          action={actions.createAi}
          teamSlug={team}
          apiSlug={api.slug}
          apiId={api.id}
          models={modelChoices}
          suggestedLabel={nextVersionLabel(api.versions.map((v) => v.major))}
          initial={latestDesign ?? undefined}
        />
      </CardBody>
    </Card>
  ) : (
    <Card>
      <CardHeader
        title="Add a version"
        description={
          latestVersion
            ? `Prefilled with ${latestVersion.version}'s contract and upstream; edit them or load another file.`
            : 'Upload, paste or write the OpenAPI 3.x contract.'
        }
      />
      <CardBody>
        <VersionForm
          maxBytes={maxOpenApiBytes()}
          teamSlug={team}
          apiSlug={api.slug}
          apiId={api.id}
          suggestedLabel={nextVersionLabel(api.versions.map((v) => v.major))}
          template={
            latestVersion
              ? {
                  openapi: editableContract(latestVersion).openapi,
                  upstreamUrl: latestVersion.upstreamUrl,
                  timeoutMs: latestVersion.timeoutMs,
                }
              : undefined
          }
        />
      </CardBody>
    </Card>
  )
}
