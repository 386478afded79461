import type { GatewayCall } from '@/lib/gateway/gateway-call'
import { AppError } from '@/lib/errors/app-error'

// An AI call's body is read whole (it is translated, counted and priced before anything is sent),
// counting bytes as they arrive so no client can make the gateway hold more than the limit.
// `keep` receives the whole body as it came, for call capture (ai-capture.ts).

export async function readJsonBody(
  call: GatewayCall,
  maxBytes: number,
  keep?: (raw: Buffer) => void,
): Promise<unknown> {
  const parts: Buffer[] = []
  call.requestBytes = 0
  for await (const chunk of call.req as AsyncIterable<Buffer>) {
    call.requestBytes += chunk.length
    if (call.requestBytes > maxBytes) {
      throw new AppError({
        code: 'payload_too_large',
        status: 413,
        message: `The request body is larger than the ${maxBytes}-byte limit.`,
      })
    }
    parts.push(chunk)
  }
  const raw = Buffer.concat(parts)
  keep?.(raw)
  const text = raw.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError({ code: 'invalid_json', status: 400, message: 'Send the request body as JSON.' })
  }
}
