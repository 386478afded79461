import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, TokenUsage } from '../chat-types'
import type { EmbeddingsRequest, ProviderAdapter, ProviderTarget, TranslationContext } from '../provider-adapter'

// Test helpers: a real HTTP server that answers like a provider (a JSON body, or a stream written
// in pieces with pauses so they arrive as separate reads), and a client that sends an adapter's
// request to it the way the gateway does (base URL + path, byte for byte) and feeds the answer back.

export type ReceivedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  json: unknown
}

export type ScriptedReply = {
  status?: number
  headers?: Record<string, string>
  /** A JSON body (objects are serialised) or raw text. */
  body?: unknown
  /** A streamed body, written piece by piece. */
  pieces?: Array<string | Uint8Array>
}

export type ProviderUpstream = { url: string; received: ReceivedRequest[]; close(): Promise<void> }

export async function startProviderUpstream(reply: ScriptedReply | ((request: ReceivedRequest) => ScriptedReply)) {
  const received: ReceivedRequest[] = []
  const server = createServer(async (req, res) => {
    const parts: Buffer[] = []
    for await (const part of req as AsyncIterable<Buffer>) parts.push(part)
    const body = Buffer.concat(parts).toString('utf8')
    let json: unknown = null
    try {
      json = body ? JSON.parse(body) : null
    } catch {
      json = null
    }
    const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json }
    received.push(request)
    const answer = typeof reply === 'function' ? reply(request) : reply
    if (answer.pieces) {
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/event-stream', ...answer.headers })
      for (const piece of answer.pieces) {
        res.write(piece)
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
      res.end()
      return
    }
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {})
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers })
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  } satisfies ProviderUpstream
}

/** Text cut into pieces of `size` UTF-8 bytes, so cuts fall inside lines, keywords and characters. */
export function bytePieces(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text)
  const pieces: Uint8Array[] = []
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.slice(at, at + size))
  return pieces
}

export const TEST_CONTEXT: TranslationContext = {
  id: 'chatcmpl-req_test',
  model: 'consumer-model',
  created: 1_700_000_000,
}

export type ProviderCallResult =
  | { ok: true; completion: ChatCompletion; usage: TokenUsage | null }
  | { ok: true; chunks: ChatCompletionChunk[]; usage: TokenUsage | null; reads: number }
  | { ok: false; status: number; message: string }

/** Sends the adapter's request to `target.baseUrl` and translates the answer or the stream. */
export async function callProvider(
  adapter: ProviderAdapter,
  request: ChatRequest,
  target: ProviderTarget,
  context: TranslationContext = TEST_CONTEXT,
): Promise<ProviderCallResult> {
  const outgoing = adapter.chatRequest(request, target)
  const response = await fetch(target.baseUrl + outgoing.path, {
    method: outgoing.method,
    headers: outgoing.headers,
    body: outgoing.method === 'POST' ? outgoing.body : undefined,
  })
  if (!response.ok) {
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
    return { ok: false, status: response.status, message: adapter.errorMessage(response.status, body) }
  }
  if (!request.stream) {
    return { ok: true, ...adapter.chatResponse(await response.json(), context) }
  }
  const translator = adapter.chatStream(context)
  const chunks: ChatCompletionChunk[] = []
  let reads = 0
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    reads += 1
    chunks.push(...translator.push(bytes))
  }
  chunks.push(...translator.end())
  return { ok: true, chunks, usage: translator.usage(), reads }
}

/** The streamed text and tool calls put back together, as an SDK's accumulator would. */
export function assembleChunks(chunks: ChatCompletionChunk[]) {
  let content = ''
  const calls: Array<{ id: string; name: string; arguments: string }> = []
  let finish: string | null = null
  for (const chunk of chunks) {
    const choice = chunk.choices[0]
    if (!choice) continue
    content += choice.delta.content ?? ''
    for (const call of choice.delta.tool_calls ?? []) {
      calls[call.index] ??= { id: '', name: '', arguments: '' }
      if (call.id) calls[call.index].id = call.id
      if (call.function?.name) calls[call.index].name += call.function.name
      calls[call.index].arguments += call.function?.arguments ?? ''
    }
    finish = choice.finish_reason ?? finish
  }
  return { content, calls, finish }
}

/** Sends the adapter's embeddings request to `target.baseUrl` and reads the answer back. */
export async function callEmbeddings(adapter: ProviderAdapter, request: EmbeddingsRequest, target: ProviderTarget) {
  const outgoing = adapter.embeddingsRequest(request, target)
  const response = await fetch(target.baseUrl + outgoing.path, {
    method: outgoing.method,
    headers: outgoing.headers,
    body: outgoing.body,
  })
  if (!response.ok) {
    return {
      ok: false as const,
      status: response.status,
      message: adapter.errorMessage(response.status, await response.json()),
    }
  }
  return { ok: true as const, ...adapter.embeddingsResponse(await response.json(), request.input.length) }
}
