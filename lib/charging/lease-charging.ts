import type { PaymentCause } from '@/generated/sqlite/enums'
import { utcMonth } from '../billing/month'
import { resolveFixedIncidents } from '@/lib/incidents/resolve-fixed-incidents'
import type { Db } from '../db'
import { AppError } from '../errors/app-error'
import type { CallOutcome, ChargeableCall, ChargingStep } from '../gateway/charging-step'
import type { SnapshotStore } from '../gateway/snapshot-store'
import { incidentKey, type KeyEntry } from '../gateway/snapshot-types'
import { createId, randomToken } from '../ids'
import type { InvocationRecord } from '../gateway/invocation-record'
import { AccountBook, type Reservation } from './account-book'
import { FreeQuota, type SharedQuotaStore } from './free-quota'
import { LeaseStore, type GrantPolicy } from './lease-store'
import { findOrOpenIncident } from './find-or-open-incident'
import { denialCause, paymentRequired } from './payment-required'
import { readKeyUsage, type KeyUsage } from './read-key-usage'

// The gateway's charging step (lib/gateway/charging-step.ts) for paid plans, paid from credit
// leases: free quota first, then a reservation of the call's price against the consumer's money
// (the lease this instance holds on it); after the response, a successful call is charged (written
// by the metering writer with the call) and anything else gives the reservation back.
// Unpaid plans return at once: the hot path for them is one property read.

export const DEFAULT_GRANT_POLICY: GrantPolicy = { floorMicros: 1_000_000n, chunkMicros: 10_000_000n }
const IDLE_RELEASE_MS = 2_000
const HEARTBEAT_MS = 10_000

type OpenedIncident = { id: string; writtenAt: number | null }

/**
 * The database could not be reached to grant funds or read the free quota: the call can be neither
 * paid for nor refused for want of money, so it is a 503 the client may retry, never a 402.
 */
function billingUnavailable(error: unknown): AppError {
  if (error instanceof AppError) return error
  console.error('[charging] billing unavailable', error)
  return new AppError({
    code: 'billing_unavailable',
    status: 503,
    message: 'Billing is briefly unavailable, so this paid call was not forwarded. Retry shortly.',
    extra: { retryAfter: 1 },
  })
}

export class LeaseCharging implements ChargingStep {
  readonly instanceId = `gw-${randomToken(12)}`
  readonly leases: LeaseStore
  readonly book: AccountBook
  readonly quota: FreeQuota
  /** Incidents this instance opened that the snapshot may not list yet. */
  private readonly opened = new Map<string, OpenedIncident>()
  private readonly opening = new Map<string, Promise<string>>()
  private timers: NodeJS.Timeout[] = []

  constructor(
    private readonly db: Db,
    private readonly store: SnapshotStore,
    policy: GrantPolicy = DEFAULT_GRANT_POLICY,
    /** Free quotas shared with other instances through Redis (exact across them); null counts here alone. */
    sharedQuota: SharedQuotaStore | null = null,
  ) {
    this.leases = new LeaseStore(db, this.instanceId, policy)
    this.book = new AccountBook(this.leases)
    this.quota = new FreeQuota(db, sharedQuota)
  }

  start(): void {
    const idle = setInterval(() => void this.book.releaseIdle(Date.now(), IDLE_RELEASE_MS), IDLE_RELEASE_MS / 2)
    const heartbeat = setInterval(
      () => void this.leases.heartbeat().catch((e) => console.error('[charging] lease heartbeat failed', e)),
      HEARTBEAT_MS,
    )
    for (const timer of [idle, heartbeat]) timer.unref()
    this.timers = [idle, heartbeat]
  }

  /** After the metering writer's last flush: hand every lease back. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    await this.leases.releaseAll()
  }

  beforeForward(call: ChargeableCall): AppError | null | Promise<AppError | null> {
    const subscription = call.subscription!
    const plan = subscription.plan
    if (!plan.paid) return null
    const month = utcMonth(call.createdAt)
    const free = this.quota.takeFree(subscription.id, month, plan.freeCallsPerMonth)
    if (free instanceof Promise)
      return free.then((isFree) => this.reserve(call, month, isFree)).catch(billingUnavailable)
    return this.reserve(call, month, free)
  }

  private reserve(call: ChargeableCall, month: string, free: boolean): AppError | null | Promise<AppError | null> {
    const price = call.tokenCharge?.reserveMicros ?? call.subscription!.plan.pricePerCallMicros
    if (free || price <= 0n) {
      call.charge = { month, free, reservedMicros: 0n }
      return null
    }
    const reservation = this.book.reserve(call.key!.teamId, price, this.store.current.version, call.createdAt)
    if (reservation instanceof Promise)
      return reservation.then((answer) => this.decide(call, month, price, answer)).catch(billingUnavailable)
    return this.decide(call, month, price, reservation)
  }

  private decide(
    call: ChargeableCall,
    month: string,
    price: bigint,
    reservation: Reservation,
  ): AppError | null | Promise<AppError> {
    if (reservation.ok) {
      call.charge = { month, free: false, reservedMicros: price }
      return null
    }
    const plan = call.subscription!.plan
    const context = {
      facts: reservation.facts,
      requiredMicros: price,
      balanceMicros: reservation.balanceMicros,
      spendableMicros: reservation.spendableMicros,
      freeQuotaUsedUp: plan.freeCallsPerMonth > 0,
    }
    const cause = denialCause(context)
    call.blockedMicros = price
    const answer = (incidentId: string) => {
      call.incidentId = incidentId
      return paymentRequired({
        ...context,
        cause,
        currency: plan.currency,
        consumerTeamSlug: call.key!.teamSlug,
        incidentId,
        freeCallsPerMonth: plan.freeCallsPerMonth,
      })
    }
    const incidentId = this.knownIncident(call, cause) ?? this.openIncident(call, cause)
    return typeof incidentId === 'string' ? answer(incidentId) : incidentId.then(answer)
  }

  afterResponse(call: ChargeableCall, outcome: CallOutcome): void {
    const charge = call.charge
    const subscription = call.subscription
    if (outcome.status === 402 && call.forwarded && subscription !== null) {
      // The upstream wants payment itself: its body went to the client untouched; record the episode.
      call.errorCode = 'upstream_payment_required'
      call.blockedMicros = subscription.plan.pricePerCallMicros
      // Synchronous here: an incident not known yet gets an id now and is opened by the writer.
      call.incidentId =
        this.knownIncident(call, 'upstream_payment_required') ??
        this.rememberIncident(call, 'upstream_payment_required', createId('pi'), null)
    }
    const succeeded =
      outcome.consumed === true || (!outcome.upstreamFailed && outcome.status > 0 && outcome.status < 400)
    if (succeeded && subscription !== null) this.resolveUpstreamIncident(call)
    if (charge === null || subscription === null) return
    const teamId = call.key!.teamId
    if (succeeded) {
      call.billable = true
      if (charge.free) return
      call.costMicros = this.quote(call)
      this.book.settle(teamId, charge.reservedMicros, call.costMicros)
      this.quota.countPaid(subscription.id, charge.month)
    } else if (charge.free) {
      this.quota.giveBack(subscription.id, charge.month)
    } else {
      this.book.settle(teamId, charge.reservedMicros, 0n)
    }
  }

  quote(call: ChargeableCall): bigint {
    const charge = call.charge
    if (charge === null || charge.free) return 0n
    const tokens = call.tokenCharge
    if (tokens === null) return charge.reservedMicros
    // Settled at the reported usage, never above the reservation (the provider was sent that limit).
    const used = tokens.usageMicros ?? charge.reservedMicros
    return used < charge.reservedMicros ? used : charge.reservedMicros
  }

  usage(key: KeyEntry): Promise<KeyUsage> {
    return readKeyUsage(this.db, key, this.book, this.quota)
  }

  /** The metering writer committed these calls: their charges and incidents are in the database now. */
  written(records: readonly InvocationRecord[]): void {
    const now = Date.now()
    for (const record of records) {
      if (record.costMicros > 0n && record.consumerTeamId !== null)
        this.book.written(record.consumerTeamId, record.costMicros)
      if (
        record.incidentId !== null &&
        record.errorCode !== null &&
        record.consumerTeamId !== null &&
        record.apiId !== null
      ) {
        const opened = this.opened.get(incidentKey(record.consumerTeamId, record.apiId, record.errorCode))
        if (opened && opened.id === record.incidentId && opened.writtenAt === null) opened.writtenAt = now
      }
    }
  }

  /** An upstream that answers again after its own 402 has been paid: that episode is over. */
  private resolveUpstreamIncident(call: ChargeableCall): void {
    if (this.opened.size === 0 && this.store.current.openIncidents.size === 0) return
    const id = this.knownIncident(call, 'upstream_payment_required')
    if (id === null) return
    this.opened.delete(incidentKey(call.key!.teamId, call.route!.apiId, 'upstream_payment_required'))
    const resolution = 'Resolved automatically: the upstream answered successfully again.'
    void this.db
      .$transaction((tx) =>
        resolveFixedIncidents(
          { consumerTeamId: call.key!.teamId, causes: ['upstream_payment_required'], resolution, incidentIds: [id] },
          tx,
        ),
      )
      .catch((error) => console.error('[charging] could not resolve an upstream 402 incident', error))
  }

  /** The OPEN incident for this consumer, API and cause, if the snapshot or this instance knows it. */
  private knownIncident(call: ChargeableCall, cause: PaymentCause): string | null {
    const key = incidentKey(call.key!.teamId, call.route!.apiId, cause)
    const snapshot = this.store.current
    const known = snapshot.openIncidents.get(key)
    if (known !== undefined) {
      this.opened.delete(key)
      return known
    }
    const opened = this.opened.get(key)
    if (opened === undefined) return null
    // Ours is still open unless a snapshot loaded after it was written leaves it out (resolved).
    return opened.writtenAt === null || opened.writtenAt >= snapshot.loadedAt ? opened.id : null
  }

  /** Opens (or joins) the incident in the database; concurrent refusals here share one lookup. */
  private openIncident(call: ChargeableCall, cause: PaymentCause): Promise<string> {
    const key = incidentKey(call.key!.teamId, call.route!.apiId, cause)
    const pending = this.opening.get(key)
    if (pending) return pending
    const route = call.route!
    const opening = findOrOpenIncident(
      this.db,
      {
        consumerTeamId: call.key!.teamId,
        ownerTeamId: route.ownerTeamId,
        apiId: route.apiId,
        cause,
      },
      new Date(call.createdAt),
    ) // the episode starts with this call, not when the row is written
      .then((id) => this.rememberIncident(call, cause, id, Date.now()))
      // The refusal must still be answered: the metering writer opens the incident with the call.
      .catch(() => this.rememberIncident(call, cause, createId('pi'), null))
      .finally(() => this.opening.delete(key))
    this.opening.set(key, opening)
    return opening
  }

  private rememberIncident(call: ChargeableCall, cause: PaymentCause, id: string, writtenAt: number | null): string {
    this.opened.set(incidentKey(call.key!.teamId, call.route!.apiId, cause), { id, writtenAt })
    return id
  }
}
