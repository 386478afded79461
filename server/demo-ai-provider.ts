import type { IncomingMessage, ServerResponse } from 'node:http'
import { answerAnthropic } from './demo-ai-anthropic'
import { sleep, sendJson, type DemoRoute } from './demo-ai-http'
import { answerOpenAi } from './demo-ai-openai'

// The built-in demo AI provider, so `npm start` shows a working AI gateway with no internet:
//   OpenAI's format at    /ai/openai/v1     POST /chat/completions (streamed or not), POST /embeddings, GET /models
//   Anthropic's format at /ai/anthropic/v1  POST /messages (streamed or not)
// Any model name is accepted and echoed; any key (or none). Knobs for tests, as query parameters,
// X-Demo-* headers, or path segments before the format (so a provider's base URL can carry them,
// e.g. /ai/status=503/openai/v1): status (answer that HTTP error in the format's shape), delay (ms
// before answering) and chunk_delay (ms between stream chunks, default 20).

const MAX_DELAY_MS = 120_000

export async function handleDemoAi(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
  const route = parseRoute(req, url)
  if (!route)
    return sendJson(res, 404, { error: { message: `No demo AI endpoint at ${url.pathname}`, type: 'not_found' } })
  if (route.knobs.delay > 0) await sleep(route.knobs.delay)
  if (route.format === 'openai') return answerOpenAi(res, route, body)
  return answerAnthropic(res, route, body)
}

function parseRoute(req: IncomingMessage, url: URL): DemoRoute | null {
  const segments = url.pathname.split('/').filter(Boolean).slice(1)
  const raw: Record<string, string> = {}
  while (segments[0]?.includes('=')) {
    const [key, value] = segments.shift()!.split('=', 2)
    raw[key] = value
  }
  const [format, version, ...rest] = segments
  if ((format !== 'openai' && format !== 'anthropic') || version !== 'v1') return null
  const knob = (name: string) =>
    url.searchParams.get(name) ?? (req.headers[`x-demo-${name.replace('_', '-')}`] as string | undefined) ?? raw[name]
  const number = (value: string | undefined, fallback: number) => {
    const parsed = Number(value)
    return value !== undefined && Number.isFinite(parsed) ? Math.min(MAX_DELAY_MS, Math.max(0, parsed)) : fallback
  }
  const status = Number(knob('status'))
  return {
    format,
    path: `/${rest.join('/')}`,
    method: req.method ?? 'GET',
    knobs: {
      status: status >= 400 && status <= 599 ? status : null,
      delay: number(knob('delay'), 0),
      chunkDelay: number(knob('chunk_delay'), 20),
    },
  }
}
