import type { OpenApiChange } from './diff-openapi'
import { budgetMessage, runOpenApiWorker, type WorkerBudget } from './run-openapi-worker'

/**
 * The breaking-change diff of two contract texts (diff-contract-texts.ts), parsed and compared
 * on a worker thread under its time and memory budget: GitHub's pair costs about a second, which
 * the request thread would otherwise spend unable to answer anyone. A comparison stopped by its
 * budget is one breaking "comparison-incomplete" change naming the limit, so a publish still
 * needs a person to look.
 */
export async function diffOpenApiTexts(
  beforeText: string,
  afterText: string,
  options: { budget?: WorkerBudget } = {},
): Promise<OpenApiChange[]> {
  const job = { kind: 'diff', before: beforeText, after: afterText } as const
  const outcome = await runOpenApiWorker<OpenApiChange[]>(job, options.budget)
  if (outcome.ok) return outcome.result
  return [
    {
      kind: 'comparison-incomplete',
      breaking: true,
      path: '',
      location: '',
      message: budgetMessage(outcome.limit, outcome.budget, 'Comparing'),
    },
  ]
}
