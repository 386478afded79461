import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { getCatalogViewer } from '@/lib/catalog/get-catalog-viewer'
import type { ReplayRequest } from '@/lib/calls/replay-href'
import { loadTryIt } from '@/lib/try-it/load-try-it'
import { AiChatTryIt } from './ai-chat-try-it'
import { PromptTryIt } from './prompt-try-it'
import { TryItConsole } from './try-it-console'

/** Server wrapper for the catalog API page: loads the version's operations and the user's usable keys. */
export async function TryItPanel({
  apiId,
  versionId,
  replay,
}: {
  apiId: string
  versionId: string
  replay?: ReplayRequest | null
}) {
  const data = await loadTryIt(await getCatalogViewer(), { apiId, versionId })
  if (!data) return null
  return (
    <Card>
      <CardHeader
        title={
          <span>
            Try it <span className="font-mono font-normal text-slate-500">{data.label}</span>
          </span>
        }
        description="Calls the gateway for real with one of your team's keys: the call is metered, rate-limited and billed like any other."
      />
      <CardBody>
        {data.state === 'DRAFT' ? (
          <p className="text-sm text-slate-500">
            Drafts are not routed by the gateway; publish this version to try it.
          </p>
        ) : data.promptForm ? (
          <PromptTryIt
            versionId={data.versionId}
            gatewayPath={data.gatewayPath}
            form={data.promptForm}
            keys={data.keys}
          />
        ) : data.chatModels ? (
          <AiChatTryIt
            versionId={data.versionId}
            gatewayPath={data.gatewayPath}
            models={data.chatModels}
            keys={data.keys}
          />
        ) : (
          <TryItConsole
            versionId={data.versionId}
            gatewayPath={data.gatewayPath}
            operations={data.operations}
            keys={data.keys}
            replay={replay}
          />
        )}
      </CardBody>
    </Card>
  )
}
