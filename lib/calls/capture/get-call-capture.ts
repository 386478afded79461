import type { TeamReadScope } from '@/lib/auth/actor'
import { db } from '@/lib/db'

// The capture of one call, for the call's detail page. The same teams that may see the call may
// see its capture, and the capture must belong to that very call (same owner, consumer and
// version), since a client may reuse a request id of its own.

export type CapturedHeaders = Array<[string, string]>

export type CallCapture = {
  /** The query string as sent (secret-looking parameters redacted), without "?". */
  query: string | null
  requestHeaders: CapturedHeaders
  responseHeaders: CapturedHeaders
  requestBody: CapturedBody
  responseBody: CapturedBody
  expiresAt: Date
}

export type CapturedBody = {
  text: string | null
  bytes: number
  truncated: boolean
  contentType: string | null
}

type CallKeys = {
  requestId: string
  ownerTeamId: string | null
  consumerTeamId: string | null
  versionId: string | null
}

function parseHeaders(json: string): CapturedHeaders {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as CapturedHeaders) : []
  } catch {
    return []
  }
}

export async function getCallCapture({ teamId }: TeamReadScope, call: CallKeys): Promise<CallCapture | null> {
  if (!call.ownerTeamId || !call.versionId) return null
  const row = await db.invocationCapture.findFirst({
    where: {
      requestId: call.requestId,
      ownerTeamId: call.ownerTeamId,
      consumerTeamId: call.consumerTeamId,
      versionId: call.versionId,
      OR: [{ ownerTeamId: teamId }, { consumerTeamId: teamId }],
      expiresAt: { gt: new Date() },
    },
  })
  if (!row) return null
  return {
    query: row.requestQuery,
    requestHeaders: parseHeaders(row.requestHeaders),
    responseHeaders: parseHeaders(row.responseHeaders),
    requestBody: {
      text: row.requestBody,
      bytes: row.requestBodyBytes,
      truncated: row.requestBodyTruncated,
      contentType: row.requestContentType,
    },
    responseBody: {
      text: row.responseBody,
      bytes: row.responseBodyBytes,
      truncated: row.responseBodyTruncated,
      contentType: row.responseContentType,
    },
    expiresAt: row.expiresAt,
  }
}
