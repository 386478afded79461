import { request } from 'undici'
import type { TeamReadScope } from '@/lib/auth/actor'
import { adapterFor } from '@/lib/ai/providers/adapter-for'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { db } from '@/lib/db'
import { invalid, notFound } from '@/lib/errors/app-error'
import { isOutboundRefused, outboundAgent } from '@/lib/net/outbound-dispatcher'
import { outboundPolicyFromEnv, type OutboundPolicy } from '@/lib/net/outbound-policy'
import { openHeaders } from './to-provider-output'

export const CONNECTION_TEST_TIMEOUT_MS = 10_000
const MAX_ERROR_BODY = 64 * 1024

export type ConnectionTestResult =
  | { ok: true; status: number; ms: number; model: string; reply: string; inputTokens: number; outputTokens: number }
  | { ok: false; status: number | null; ms: number; model: string; error: string }

/**
 * "Test connection": one real, minimal chat call (one short user message, 1 output token) with the
 * provider's own adapter and key, through the outbound policy's guarded dispatcher, with a
 * timeout. It answers what happened; it never throws for a provider that fails.
 */
export async function testProviderConnection(
  { teamId }: TeamReadScope,
  { providerId, providerModel }: { providerId: string; providerModel?: string },
  {
    timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
    policy = outboundPolicyFromEnv(),
  }: { timeoutMs?: number; policy?: OutboundPolicy } = {},
): Promise<ConnectionTestResult> {
  const provider = await db.aiProvider.findFirst({
    where: { id: providerId, teamId },
    select: {
      kind: true,
      baseUrl: true,
      apiKeyEnc: true,
      headersEnc: true,
      // The test is a chat call, so it asks a chat model (an embedding model would refuse it).
      models: { where: { kind: 'CHAT' }, select: { providerModel: true }, orderBy: { name: 'asc' }, take: 1 },
    },
  })
  if (!provider) throw notFound('Provider')
  const model = providerModel || provider.models[0]?.providerModel
  if (!model) throw invalid('Add a model on this provider first: the test asks it for one token', undefined, 'no_model')

  const adapter = adapterFor(provider.kind)
  const outgoing = adapter.chatRequest(
    { model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
    {
      kind: provider.kind,
      baseUrl: provider.baseUrl,
      apiKey: provider.apiKeyEnc ? decryptSecret(provider.apiKeyEnc) : null,
      headers: openHeaders(provider.headersEnc),
      providerModel: model,
      maxOutputTokens: 1,
    },
  )
  const url = `${provider.baseUrl.replace(/\/+$/, '')}${outgoing.path}`
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const dispatcher = outboundAgent(policy)
  try {
    const response = await request(url, {
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body,
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await readCapped(response.body)
    const json = parseJson(text)
    if (response.statusCode < 200 || response.statusCode >= 300) {
      return {
        ok: false,
        status: response.statusCode,
        ms: elapsed(),
        model,
        error: adapter.errorMessage(response.statusCode, json),
      }
    }
    const { completion, usage } = adapter.chatResponse(json, { id: 'chatcmpl-test', model, created: 0 })
    const content = completion.choices[0]?.message.content
    return {
      ok: true,
      status: response.statusCode,
      ms: elapsed(),
      model,
      reply: typeof content === 'string' ? content.slice(0, 200) : '',
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
    }
  } catch (error) {
    return { ok: false, status: null, ms: elapsed(), model, error: describeFailure(error, timeoutMs) }
  } finally {
    dispatcher.destroy().catch(() => {})
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    bytes += chunk.length
    if (bytes > MAX_ERROR_BODY) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: unknown; code?: string }
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `No answer within ${timeoutMs / 1000} s`
  if (isOutboundRefused(err) || isOutboundRefused(err.cause))
    return 'The outbound policy refuses this address (private or special-use)'
  if (err.name === 'AppError') return err.message
  return `The provider could not be reached${err.code ? ` (${err.code})` : ''}`
}
