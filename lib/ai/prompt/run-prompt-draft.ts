import { performance } from 'node:perf_hooks'
import type { TeamReadScope } from '@/lib/auth/actor'
import { microsToDecimal } from '@/lib/billing/money'
import { db } from '@/lib/db'
import { toAppError } from '@/lib/errors/to-problem'
import { UpstreamPools } from '@/lib/gateway/upstream-pools'
import { createId } from '@/lib/ids'
import { tokenCost } from '../gateway/ai-pricing'
import { completeChecked } from '../gateway/complete-checked'
import { loadAiRoutes } from '../gateway/load-ai-routes'
import { TargetHealth } from '../gateway/target-health'
import { countInputTokens } from '../count-tokens'
import { loadPromptSpecs } from './load-prompt-specs'
import { promptAnswerCheck } from './prompt-answer'
import { promptChatRequest, promptRequestFor, renderPrompt } from './prompt-request'

// The playground: the owner runs a version of their own team (a DRAFT, usually) with sample
// variables, through the gateway's own steps (rendering, request building, the route's targets
// over outbound-guarded pools, the output check and its one retry), and sees the rendered prompt,
// the answer, the tokens and what they cost at the serving model's own prices. Like "test
// connection" it is the owner's test of their own setup: not metered, not charged.

export type PromptDraftRun =
  | {
      ok: true
      system: string
      user: string
      output: string | Record<string, unknown>
      text: string
      model: string
      provider: string
      inputTokens: number
      outputTokens: number
      /** Decimal, at the serving model's own prices. */
      cost: string
      latencyMs: number
      attempts: number
    }
  | {
      ok: false
      variableErrors?: Record<string, string[]>
      system?: string
      user?: string
      error: { code: string; message: string }
    }

const DRAFT_TIMEOUT_MS = 60_000
/** The console process's own pools: they connect only where the outbound policy allows. */
const pools = new UpstreamPools()

/** The serving model's own prices: a paid plan with no token prices passes them through. */
const OWN_PRICES = {
  id: 'playground',
  name: 'Playground',
  paid: true,
  currency: 'USD',
  pricePerCallMicros: 0n,
  pricePerMInputMicros: 0n,
  pricePerMOutputMicros: 0n,
  freeCallsPerMonth: 0,
  tokensPerMinute: 0,
}

export async function runPromptDraft(
  { teamId }: TeamReadScope,
  input: { versionId: string; variables: unknown },
): Promise<PromptDraftRun> {
  const version = await db.apiVersion.findFirst({
    where: { id: input.versionId, teamId, api: { kind: 'AI_PROMPT' } },
    select: {
      id: true,
      teamId: true,
      publishedAt: true,
      timeoutMs: true,
      api: { select: { team: { select: { slug: true } } } },
    },
  })
  if (!version) return failure('not_found', 'Prompt version not found')
  const [specs, routes] = await Promise.all([
    loadPromptSpecs(db, [version]),
    loadAiRoutes(db, pools, [
      { id: version.id, teamId, ownerSlug: version.api.team.slug, publishedAt: version.publishedAt },
    ]),
  ])
  const spec = specs.get(version.id)
  if (!spec) return failure('no_template', 'Save the prompt template first')
  const rendered = renderPrompt(spec, input.variables)
  if (!rendered.ok) {
    return {
      ok: false,
      variableErrors: rendered.errors,
      error: { code: 'invalid_variables', message: 'Check the variables' },
    }
  }
  const shown = { system: rendered.system, user: rendered.user }
  const model = [...(routes.get(version.id)?.models.values() ?? [])][0]
  if (!model) return { ...failure('no_model', 'This version has no model it can call'), ...shown }

  const request = promptChatRequest(spec, rendered, { model: model.name, stream: false })
  const inputTokens = countInputTokens(request)
  const started = performance.now()
  try {
    const answer = await completeChecked(
      request,
      model.targets,
      {
        timeoutMs: version.timeoutMs > 0 ? version.timeoutMs : DRAFT_TIMEOUT_MS,
        requested: request.max_tokens ?? null,
        health: new TargetHealth(),
        requestId: createId('req'),
        forTarget: promptRequestFor,
        context: { id: 'chatcmpl-playground', model: model.name, created: Math.floor(Date.now() / 1000) },
        inputTokens,
      },
      promptAnswerCheck(spec),
    )
    if (!answer.ok) return { ok: false, ...shown, error: { code: answer.error.code, message: answer.error.message } }
    return {
      ok: true,
      ...shown,
      output: answer.value ?? answer.text,
      text: answer.text,
      model: answer.target.modelName,
      provider: answer.target.providerName,
      inputTokens: answer.usage.inputTokens,
      outputTokens: answer.usage.outputTokens,
      cost: microsToDecimal(tokenCost(OWN_PRICES, answer.target, answer.usage)),
      latencyMs: Math.round(performance.now() - started),
      attempts: answer.attempts,
    }
  } catch (error) {
    const problem = toAppError(error)
    return { ok: false, ...shown, error: { code: problem.code, message: problem.message } }
  }
}

function failure(code: string, message: string): PromptDraftRun {
  return { ok: false, error: { code, message } }
}
