import { randomUUID } from 'node:crypto'

// An incoming X-Request-Id is honoured so a client can correlate its logs with ours, but only
// when it is short and made of safe characters: it is echoed in headers and stored in the log.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:@+=\/-]{1,128}$/

export function requestIdFor(incoming: string | string[] | undefined): string {
  if (typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming)) return incoming
  return uuidV7(Date.now())
}

/**
 * RFC 9562 §5.7 UUIDv7: 48 bits of Unix milliseconds, then random bits. Time-ordered ids land at
 * the end of Invocation's unique requestId index instead of at random pages, which keeps metering
 * inserts cheap. randomUUID() supplies the random part from a cached entropy pool.
 */
export function uuidV7(nowMs: number): string {
  const random = randomUUID()
  const time = nowMs.toString(16).padStart(12, '0')
  // xxxxxxxx-xxxx-7xxx-<variant from v4>-xxxxxxxxxxxx
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}${random.slice(18)}`
}
