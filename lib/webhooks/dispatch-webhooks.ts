import { fetch, type Dispatcher } from 'undici'
import type { Db } from '@/lib/db'
import { decryptSecret } from '@/lib/crypto/secret-box'
import { outboundAgent } from '@/lib/net/outbound-dispatcher'
import { outboundPolicyFromEnv, type OutboundPolicy } from '@/lib/net/outbound-policy'
import { SIGNATURE_HEADER, signWebhookPayload } from './sign-webhook'
import { observeWebhookDispatch } from '@/lib/metrics/observe-gateway'

// Sends the outbox: PENDING deliveries that are due, signed with the team's secret. At least
// once: a receiver must dedupe on the body's id (also sent as Tollgate-Delivery).
//
// Claiming: each candidate is claimed with a conditional UPDATE on the (attempts, nextAttemptAt)
// just read, which also pushes nextAttemptAt a minute ahead. Of two dispatchers (two processes,
// or the background loop and a "send test event" click), only one UPDATE matches; the other skips
// the row. If the claimer dies mid-send, the row is due again when the minute is up.
//
// Sending: through the outbound policy's dispatcher, so a receiver that re-resolves to a private
// or metadata address is refused at connect time. The team sees one generic "could not be
// reached" (lastError is on its deliveries page); the socket-level reason goes to the server log
// only, so webhook URLs cannot be used to tell an open port from a closed one.

export const MAX_ATTEMPTS = 8
export const TIMEOUT_MS = 10_000
const CLAIM_MS = 60_000
const BATCH_SIZE = 20
const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 3_600_000

export const RECEIVER_UNREACHABLE = 'The receiver could not be reached'

export type DispatchOptions = {
  now?: Date
  /** Which addresses receivers may have (default: TOLLGATE_ALLOW_PRIVATE_UPSTREAMS from the environment). */
  policy?: OutboundPolicy
  batchSize?: number
  /** Only these deliveries (the "send test event" and "retry now" buttons). */
  deliveryIds?: string[]
  random?: () => number
}

export type DispatchResult = { claimed: number; delivered: number; retrying: number; failed: number }

/** The wait after the n-th failed attempt: 30 s doubling, capped at 1 h, minus up to 20% jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS)
  // Jitter spreads the retries of a receiver that was down for everyone at once.
  return Math.round(base * (0.8 + 0.2 * random()))
}

type Outcome = { delivered: boolean; final?: boolean; status?: number; error?: string; url?: string }

export async function dispatchDueWebhooks(db: Db, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date()
  const candidates = await db.webhookDelivery.findMany({
    where: {
      state: 'PENDING',
      nextAttemptAt: { lte: now },
      ...(options.deliveryIds ? { id: { in: options.deliveryIds } } : {}),
    },
    orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    take: options.batchSize ?? BATCH_SIZE,
    select: { id: true, teamId: true, event: true, payload: true, attempts: true, nextAttemptAt: true },
  })
  const claimedUntil = new Date(now.getTime() + CLAIM_MS)
  const claimed: typeof candidates = []
  for (const c of candidates) if (await claimDelivery(db, c, claimedUntil)) claimed.push(c)
  const result: DispatchResult = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 }
  if (claimed.length === 0) return result

  // The team's current URL and secret: a URL fixed after a failure applies to the retries too.
  const teams = await db.team.findMany({
    where: { id: { in: [...new Set(claimed.map((c) => c.teamId))] } },
    select: { id: true, webhookUrl: true, webhookSecretEnc: true },
  })
  const teamById = new Map(teams.map((t) => [t.id, t]))
  // One dispatcher per pass: its sockets are closed when the pass is done.
  const dispatcher = outboundAgent(options.policy ?? outboundPolicyFromEnv())

  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await attempt(delivery, teamById.get(delivery.teamId), dispatcher, now)
      const attempts = delivery.attempts + 1
      const failed = !outcome.delivered && (outcome.final || attempts >= MAX_ATTEMPTS)
      const state = outcome.delivered ? 'DELIVERED' : failed ? 'FAILED' : 'PENDING'
      result[outcome.delivered ? 'delivered' : failed ? 'failed' : 'retrying'] += 1
      // Guarded by our claim, so a send that outlived it cannot overwrite a newer attempt's result.
      await db.webhookDelivery.updateMany({
        where: { id: delivery.id, state: 'PENDING', nextAttemptAt: claimedUntil },
        data: {
          state,
          attempts,
          lastStatusCode: outcome.status ?? null,
          lastError: outcome.error ?? null,
          ...(outcome.url ? { url: outcome.url } : {}),
          ...(outcome.delivered ? { deliveredAt: now } : {}),
          ...(state === 'PENDING'
            ? { nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, options.random)) }
            : {}),
        },
      })
    }),
  ).finally(() => dispatcher.close().catch(() => undefined))
  return result
}

/** True when this caller won the row: nobody claimed or attempted it since `seen` was read. */
export async function claimDelivery(
  db: Db,
  seen: { id: string; attempts: number; nextAttemptAt: Date },
  until: Date,
): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: seen.id, state: 'PENDING', attempts: seen.attempts, nextAttemptAt: seen.nextAttemptAt },
    data: { nextAttemptAt: until },
  })
  return count === 1
}

async function attempt(
  delivery: { id: string; event: string; payload: string },
  team: { webhookUrl: string | null; webhookSecretEnc: string | null } | undefined,
  dispatcher: Dispatcher,
  now: Date,
): Promise<Outcome> {
  if (!team?.webhookUrl) return { delivered: false, final: true, error: 'The team has no webhook URL any more' }
  if (!team.webhookSecretEnc) return { delivered: false, error: 'No signing secret: generate one in team settings' }
  let secret: string
  try {
    secret = decryptSecret(team.webhookSecretEnc)
  } catch {
    return {
      delivered: false,
      error: 'The signing secret cannot be decrypted (TOLLGATE_SECRET changed?): rotate it in team settings',
    }
  }
  try {
    const response = await fetch(team.webhookUrl, {
      dispatcher,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tollgate-Webhooks/1',
        'Tollgate-Event': delivery.event,
        'Tollgate-Delivery': delivery.id,
        [SIGNATURE_HEADER]: signWebhookPayload(secret, delivery.payload, now),
      },
      body: delivery.payload,
      // A redirect is not a delivery: following it would send the signed body somewhere unreviewed.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    // Only the status matters; drop the body so the connection is freed.
    await response.body?.cancel().catch(() => undefined)
    const ok = response.status >= 200 && response.status < 300
    return {
      delivered: ok,
      status: response.status,
      url: team.webhookUrl,
      error: ok ? undefined : `The receiver answered HTTP ${response.status}`,
    }
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { delivered: false, url: team.webhookUrl, error: `No answer within ${TIMEOUT_MS / 1000} s` }
    const reason = [e.cause?.code, e.cause?.message ?? e.message].filter(Boolean).join(' ').slice(0, 500)
    console.warn(`[webhooks] delivery ${delivery.id} to ${team.webhookUrl.slice(0, 200)} not delivered: ${reason}`)
    return { delivered: false, url: team.webhookUrl, error: RECEIVER_UNREACHABLE }
  }
}

/**
 * Runs the dispatcher every `intervalMs` (2 s) in the background, one pass at a time, draining
 * full batches at once. The timer is unref'd, so it never keeps the process alive. The returned
 * stop function clears the timer and waits for a pass in flight (call it before disconnecting).
 */
export function startWebhookDispatcher(
  db: Db,
  { intervalMs = 2_000, ...options }: Omit<DispatchOptions, 'now' | 'deliveryIds'> & { intervalMs?: number } = {},
): () => Promise<void> {
  let running: Promise<void> | null = null
  let stopped = false
  const pass = async () => {
    for (let round = 0; round < 10 && !stopped; round++) {
      const result = await dispatchDueWebhooks(db, options)
      observeWebhookDispatch(result)
      if (result.claimed < (options.batchSize ?? BATCH_SIZE)) return
    }
  }
  const tick = () => {
    if (running || stopped) return
    running = pass()
      .catch((error: unknown) => console.error('[webhooks] dispatch failed', error))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
