import { sha256Hex } from '@/lib/crypto/hash'
import { db } from '@/lib/db'
import { AppError, conflict } from '@/lib/errors/app-error'
import { createId } from '@/lib/ids'

// Idempotency-Key on POST, as Stripe and the IETF draft describe it: the first answer is stored,
// per team and token, for 24 hours, and a retry with the same key gets that answer back without
// the change running again. A placeholder row is written BEFORE the change runs, so two retries
// racing each other cannot both run it: the unique index lets one in and tells the other to wait.
const RETENTION_MS = 24 * 60 * 60 * 1000
const IN_PROGRESS = 0

export type StoredAnswer = { status: number; body: string }

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

export async function withIdempotency(
  owner: { teamId: string; tokenId: string },
  { key, fingerprint }: { key: string; fingerprint: string },
  run: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError({
      code: 'invalid_idempotency_key',
      status: 400,
      message: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
    })
  }
  const requestHash = sha256Hex(fingerprint)
  const where = { teamId: owner.teamId, tokenId: owner.tokenId, key }
  const now = new Date()
  await db.idempotencyRecord.deleteMany({ where: { ...where, expiresAt: { lte: now } } })
  const placeholder = createId('idem')
  try {
    await db.idempotencyRecord.create({
      data: {
        id: placeholder,
        ...where,
        requestHash,
        status: IN_PROGRESS,
        body: '',
        expiresAt: new Date(now.getTime() + RETENTION_MS),
      },
    })
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error
    return { ...(await storedAnswer(where, requestHash)), replayed: true }
  }
  let answer: StoredAnswer
  try {
    answer = await run()
  } catch (error) {
    // Nothing was answered, so a retry must be free to run the change.
    await db.idempotencyRecord.deleteMany({ where: { id: placeholder, teamId: owner.teamId } })
    throw error
  }
  if (answer.status >= 500) await db.idempotencyRecord.deleteMany({ where: { id: placeholder, teamId: owner.teamId } })
  else
    await db.idempotencyRecord.updateMany({
      where: { id: placeholder, teamId: owner.teamId },
      data: { status: answer.status, body: answer.body },
    })
  return { ...answer, replayed: false }
}

async function storedAnswer(
  where: { teamId: string; tokenId: string; key: string },
  requestHash: string,
): Promise<StoredAnswer> {
  const record = await db.idempotencyRecord.findFirst({ where })
  if (!record || record.status === IN_PROGRESS) {
    throw conflict('A request with this Idempotency-Key is still being processed', 'idempotency_in_progress')
  }
  if (record.requestHash !== requestHash) {
    throw new AppError({
      code: 'idempotency_key_reused',
      status: 422,
      message: 'This Idempotency-Key was already used for a different request',
    })
  }
  return { status: record.status, body: record.body }
}
