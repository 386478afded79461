import { CAPTURE_BODY_LIMIT, type CaptureSink, type HeaderPairs } from '@/lib/gateway/capture-tap'
import type { GatewayCall } from '@/lib/gateway/gateway-call'
import type { ChatCompletion, ChatCompletionChunk, ChatToolCall } from '../chat-types'

// Call capture on AI_CHAT and AI_PROMPT routes, the AI gateway's side of lib/gateway/capture-tap.ts.
// What is kept is what the consumer exchanged with the gateway: its request (headers as sent, the
// JSON body) and the gateway's answer (headers, and the body; a streamed answer is assembled into
// the one JSON the same call would have got without `stream`). The requests to providers, which
// carry the team's provider keys, are never seen here. The sink (lib/calls/capture) redacts the
// consumer's key and any other secret header before anything is queued or stored.

/** The first CAPTURE_BODY_LIMIT bytes of a body, and how many bytes it had. */
function capped(body: Buffer): { kept: Buffer; bytes: number } {
  return { kept: body.length > CAPTURE_BODY_LIMIT ? body.subarray(0, CAPTURE_BODY_LIMIT) : body, bytes: body.length }
}

function headerPairs(headers: Record<string, unknown>): HeaderPairs {
  const pairs: HeaderPairs = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name.toLowerCase(), String(one)])
  }
  return pairs
}

export class AiCallCapture {
  private request: { kept: Buffer; bytes: number } | null = null
  private responseHeaders: HeaderPairs = []
  private readonly written: Buffer[] = []
  private writtenBytes = 0
  private assembled: Buffer | null = null
  private readonly withBodies: boolean

  /** Null unless the call's version has capture on and the gateway has somewhere to send it. */
  static start(call: GatewayCall, sink: CaptureSink | undefined): AiCallCapture | null {
    const capture = call.route?.capture
    if (!capture || !sink) return null
    return new AiCallCapture(call, sink, capture.mode === 'HEADERS_AND_BODIES', capture.retentionMs)
  }

  private constructor(
    private readonly call: GatewayCall,
    private readonly sink: CaptureSink,
    withBodies: boolean,
    private readonly retentionMs: number,
  ) {
    this.withBodies = withBodies
    this.tapResponse()
    call.res.once('close', () => this.emit())
  }

  /** The request body as it arrived (readJsonBody hands it over whole). */
  keepRequest(raw: Buffer): void {
    this.request = capped(raw)
  }

  /** A streamed answer, as the non-streamed JSON it adds up to (its SSE frames are not kept). */
  keepAssembled(answer: unknown): void {
    this.assembled = Buffer.from(JSON.stringify(answer))
  }

  // Whatever the call answers (a JSON answer, a problem, a stream), its headers and first bytes.
  private tapResponse(): void {
    const res = this.call.res
    const writeHead = res.writeHead.bind(res)
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
      if (headers) this.responseHeaders = headerPairs(headers as Record<string, unknown>)
      return (writeHead as (...args: unknown[]) => typeof res)(status, ...rest)
    }) as typeof res.writeHead
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      this.tap(chunk)
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') this.tap(chunk)
      return (end as (...args: unknown[]) => typeof res)(chunk, ...rest)
    }) as typeof res.end
  }

  private tap(chunk: unknown): void {
    if (chunk === undefined || chunk === null) return
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array)
    if (this.withBodies && this.writtenBytes < CAPTURE_BODY_LIMIT)
      this.written.push(bytes.subarray(0, CAPTURE_BODY_LIMIT - this.writtenBytes))
    this.writtenBytes += bytes.length
  }

  private emit(): void {
    const call = this.call
    const route = call.route!
    const url = call.req.url ?? ''
    const q = url.indexOf('?')
    const response = this.assembled
      ? capped(this.assembled)
      : { kept: Buffer.concat(this.written), bytes: this.writtenBytes }
    const requestPairs: HeaderPairs = []
    const raw = call.req.rawHeaders
    for (let i = 0; i + 1 < raw.length; i += 2) requestPairs.push([raw[i].toLowerCase(), raw[i + 1]])
    this.sink.record({
      requestId: call.requestId,
      createdAt: call.createdAt,
      ownerTeamId: route.ownerTeamId,
      consumerTeamId: call.key?.teamId ?? null,
      versionId: route.versionId,
      retentionMs: this.retentionMs,
      query: q === -1 ? null : url.slice(q + 1),
      requestHeaders: requestPairs,
      responseHeaders: this.responseHeaders,
      requestBody: this.withBodies ? (this.request?.kept ?? Buffer.alloc(0)) : null,
      responseBody: this.withBodies ? response.kept : null,
      requestBodyBytes: this.request?.bytes ?? call.requestBytes,
      responseBodyBytes: response.bytes,
    })
  }
}

/** Adds up a stream's chunks into the completion a non-streamed call would have answered. */
export class StreamAssembler {
  private content = ''
  private readonly tools: ChatToolCall[] = []
  private finish: ChatCompletion['choices'][number]['finish_reason'] = null

  push(chunk: ChatCompletionChunk): void {
    const choice = chunk.choices[0]
    if (!choice) return
    this.content += choice.delta?.content ?? ''
    for (const delta of choice.delta?.tool_calls ?? []) {
      const tool = (this.tools[delta.index] ??= { id: '', type: 'function', function: { name: '', arguments: '' } })
      if (delta.id) tool.id = delta.id
      tool.function.name += delta.function?.name ?? ''
      tool.function.arguments += delta.function?.arguments ?? ''
    }
    if (choice.finish_reason) this.finish = choice.finish_reason
  }

  completion(context: { id: string; model: string; created: number }): ChatCompletion {
    const tools = this.tools.filter(Boolean)
    return {
      id: context.id,
      object: 'chat.completion',
      created: context.created,
      model: context.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: this.content || null,
            ...(tools.length > 0 ? { tool_calls: tools } : {}),
          },
          finish_reason: this.finish,
          logprobs: null,
        },
      ],
    }
  }
}
