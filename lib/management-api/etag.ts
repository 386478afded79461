import { sha256Hex } from '@/lib/crypto/hash'
import { AppError } from '@/lib/errors/app-error'
import { toJsonText } from './responses'

// A resource's ETag is the hash of its JSON representation: any change a client could see changes
// it, and nothing else does. Updates compare it with If-Match before they write.
export function etagOf(resource: unknown): string {
  return `"${sha256Hex(toJsonText(resource)).slice(0, 32)}"`
}

/** 412 unless If-Match is absent, `*`, or lists the current ETag (weak or strong form). */
export function assertIfMatch(request: Request, current: unknown): void {
  const header = request.headers.get('if-match')
  if (!header || header.trim() === '*') return
  const etag = etagOf(current)
  const listed = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''))
  if (!listed.includes(etag)) {
    throw new AppError({
      code: 'precondition_failed',
      status: 412,
      message: 'The resource changed since you read it: fetch it again and retry with its new ETag',
      extra: { etag },
    })
  }
}
