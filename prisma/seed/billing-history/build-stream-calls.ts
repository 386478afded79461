import { createId, randomToken } from '@/lib/ids'
import type { InvocationRecord } from '@/lib/gateway/invocation-record'
import type { PaymentEpisode } from '../payment-episodes'
import { FreeCallCounter, makeCall, type CallRoute, type Random } from '../seed-large-usage-calls'
import type { HourSlot } from './hourly-traffic'

// The calls of one demo consumer, built with the same call model as `npm run seed:large`: the
// successful calls the hour slots plan, and the refused calls of its 402 episodes spread evenly
// over each episode (a client retrying every few minutes until someone fixes the cause).

export type SeedCall = InvocationRecord & { id: string }

export type StreamEpisode = { episode: PaymentEpisode; blocked: number; route: CallRoute }

export function buildStreamCalls(
  random: Random,
  {
    slots,
    routeAt,
    episodes,
    freeCallsPerMonth,
  }: { slots: HourSlot[]; routeAt: (at: number) => CallRoute; episodes: StreamEpisode[]; freeCallsPerMonth: number },
): SeedCall[] {
  const tag = randomToken(6)
  let seq = 0
  const call = (route: CallRoute, at: number, forced: Parameters<typeof makeCall>[4]): SeedCall => ({
    ...makeCall(random, route, at, `req_demo${tag}${(seq++).toString(36).padStart(6, '0')}`, forced),
    id: createId('inv'),
  })

  const calls: SeedCall[] = []
  for (const slot of slots) {
    const times = Array.from(
      { length: slot.calls },
      () => slot.start + Math.floor(random() * (slot.end - slot.start)),
    ).sort((a, b) => a - b)
    for (const at of times) calls.push(call(routeAt(at), at, { status: random() < 0.9 ? 200 : 201 }))
  }
  for (const { episode, blocked, route } of episodes) {
    const step = (episode.end - episode.start) / blocked
    for (let i = 0; i < blocked; i++) {
      const at = Math.floor(episode.start + (i + 0.5) * step)
      calls.push(call(route, at, { status: 402, errorCode: episode.cause, incidentId: episode.incidentId }))
    }
  }
  calls.sort((a, b) => a.createdAt - b.createdAt)
  // In time order, as the gateway hands out free calls: the first ones of each month cost nothing.
  const free = new FreeCallCounter()
  for (const c of calls) free.apply(c, freeCallsPerMonth)
  return calls
}
