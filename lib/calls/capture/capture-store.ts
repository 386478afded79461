import type { Db } from '@/lib/db'
import { createId } from '@/lib/ids'
import { redactHeaders, redactQuery } from './redact-headers'

// Writes what the gateway captured of calls to versions with capture on (its CaptureSink seam,
// wired in server/create-gateway.ts). record() redacts at once, so no secret waits in memory for a
// batch; batches go out every FLUSH_MS or BATCH rows, off the request's path. A failed batch is
// dropped with a log line: a capture is a debugging aid, never a reason to slow or fail a call.

const FLUSH_MS = 500
const BATCH = 200
const MAX_QUEUE = 10_000

/** What the gateway hands over (lib/gateway/capture-tap.ts, CapturedCall): raw headers, body prefixes. */
export type CaptureRecord = {
  requestId: string
  createdAt: number
  ownerTeamId: string
  consumerTeamId: string | null
  versionId: string
  retentionMs: number
  query: string | null
  requestHeaders: ReadonlyArray<readonly [string, string]>
  responseHeaders: ReadonlyArray<readonly [string, string]>
  requestBody: Buffer | null
  responseBody: Buffer | null
  requestBodyBytes: number
  responseBodyBytes: number
}

type CaptureRow = ReturnType<typeof toCaptureRow>

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript|graphql|yaml|x-ndjson))/i

function headerValue(pairs: ReadonlyArray<readonly [string, string]>, name: string): string | null {
  return pairs.find(([n]) => n === name)?.[1] ?? null
}

/** Text bodies are kept as text; compressed or binary ones only by their size. */
function bodyText(body: Buffer | null, pairs: ReadonlyArray<readonly [string, string]>): string | null {
  if (body === null || body.length === 0) return null
  const encoding = headerValue(pairs, 'content-encoding')
  if (encoding !== null && encoding.toLowerCase() !== 'identity') return null
  const type = headerValue(pairs, 'content-type')
  if (type !== null && !TEXTUAL.test(type)) return null
  return body.toString('utf8')
}

export function toCaptureRow(record: CaptureRecord) {
  return {
    id: createId('cap'),
    requestId: record.requestId,
    ownerTeamId: record.ownerTeamId,
    consumerTeamId: record.consumerTeamId,
    versionId: record.versionId,
    // A query may carry a key (?api_key=…) or a token: the same names as headers are redacted.
    requestQuery: record.query === null ? null : redactQuery(record.query),
    requestHeaders: JSON.stringify(redactHeaders(record.requestHeaders)),
    responseHeaders: JSON.stringify(redactHeaders(record.responseHeaders)),
    requestBody: bodyText(record.requestBody, record.requestHeaders),
    responseBody: bodyText(record.responseBody, record.responseHeaders),
    requestBodyBytes: record.requestBodyBytes,
    responseBodyBytes: record.responseBodyBytes,
    requestBodyTruncated: record.requestBody !== null && record.requestBodyBytes > record.requestBody.length,
    responseBodyTruncated: record.responseBody !== null && record.responseBodyBytes > record.responseBody.length,
    requestContentType: headerValue(record.requestHeaders, 'content-type'),
    responseContentType: headerValue(record.responseHeaders, 'content-type'),
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.createdAt + record.retentionMs),
  }
}

export class CaptureStore {
  private queue: CaptureRow[] = []
  private flushing: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly db: Db) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
    this.timer.unref()
  }

  record(record: CaptureRecord): void {
    if (this.queue.length >= MAX_QUEUE) return
    this.queue.push(toCaptureRow(record))
    if (this.queue.length >= BATCH && !this.flushing) void this.flush()
  }

  /** Writes everything queued so far (tests and shutdown wait for it). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing
    if (this.queue.length === 0) return
    const batch = this.queue.splice(0, this.queue.length)
    this.flushing = this.write(batch).finally(() => (this.flushing = null))
    await this.flushing
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.flush()
  }

  private async write(rows: CaptureRow[]): Promise<void> {
    try {
      // A client may send its own X-Request-Id: the first capture under an id wins, later ones are dropped.
      const unique = [...new Map(rows.map((r) => [r.requestId, r] as const)).values()]
      const existing = await this.db.invocationCapture.findMany({
        where: { requestId: { in: unique.map((r) => r.requestId) } },
        select: { requestId: true },
      })
      const taken = new Set(existing.map((e) => e.requestId))
      const data = unique.filter((r) => !taken.has(r.requestId))
      if (data.length > 0) await this.db.invocationCapture.createMany({ data })
    } catch (error) {
      console.error(`[capture] dropped ${rows.length} captured call(s)`, error)
    }
  }
}
